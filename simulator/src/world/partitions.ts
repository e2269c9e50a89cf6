// The one table of partitions and their regions inside the simulator. World builders, region
// checks, DescribeRegions endpoints and ARN prefixes all read from here.
import type { OptInStatus, Partition } from "./types";

export interface PartitionInfo {
  /** ARN prefix, e.g. `arn:aws-cn:`. */
  arnPrefix: string;
  /** DNS suffix of service endpoints. */
  dnsSuffix: string;
  /** Regions enabled in every account (opt-in-not-required), in a stable order. */
  defaultRegions: string[];
  /** Regions an account must opt in to before use. */
  optInRegions: string[];
  /** Region that global services (IAM, Organizations) sign with. */
  globalRegion: string;
}

export const PARTITIONS: Record<Partition, PartitionInfo> = {
  aws: {
    arnPrefix: "arn:aws:",
    dnsSuffix: "amazonaws.com",
    defaultRegions: [
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2",
      "ca-central-1",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "eu-central-1",
      "eu-north-1",
      "ap-south-1",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ap-southeast-1",
      "ap-southeast-2",
      "sa-east-1",
    ],
    optInRegions: [
      "af-south-1",
      "ap-east-1",
      "ap-south-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ap-southeast-5",
      "ap-southeast-7",
      "ca-west-1",
      "eu-south-1",
      "eu-south-2",
      "eu-central-2",
      "il-central-1",
      "me-south-1",
      "me-central-1",
      "mx-central-1",
    ],
    globalRegion: "us-east-1",
  },
  "aws-cn": {
    arnPrefix: "arn:aws-cn:",
    dnsSuffix: "amazonaws.com.cn",
    defaultRegions: ["cn-north-1", "cn-northwest-1"],
    optInRegions: [],
    globalRegion: "cn-north-1",
  },
  "aws-us-gov": {
    arnPrefix: "arn:aws-us-gov:",
    dnsSuffix: "amazonaws.com",
    defaultRegions: ["us-gov-west-1", "us-gov-east-1"],
    optInRegions: [],
    globalRegion: "us-gov-west-1",
  },
};

export const PARTITION_NAMES = Object.keys(PARTITIONS) as Partition[];

/** Partition → every region name it holds (default regions first). */
export const PARTITION_REGIONS: Record<Partition, string[]> = {
  aws: [...PARTITIONS.aws.defaultRegions, ...PARTITIONS.aws.optInRegions],
  "aws-cn": [...PARTITIONS["aws-cn"].defaultRegions],
  "aws-us-gov": [...PARTITIONS["aws-us-gov"].defaultRegions],
};

export function partitionOfRegion(region: string): Partition | undefined {
  return PARTITION_NAMES.find((p) => PARTITION_REGIONS[p].includes(region));
}

export function isRegionInPartition(region: string, partition: Partition): boolean {
  return PARTITION_REGIONS[partition].includes(region);
}

/** The status a region has before anyone changes it: opt-in regions start not-opted-in. */
export function defaultOptIn(region: string, partition: Partition): OptInStatus {
  return PARTITIONS[partition].optInRegions.includes(region) ? "not-opted-in" : "opt-in-not-required";
}

export function arn(partition: Partition, service: string, region: string, account: string, resource: string): string {
  return `${PARTITIONS[partition].arnPrefix}${service}:${region}:${account}:${resource}`;
}

export function ec2Endpoint(region: string, partition: Partition): string {
  return `ec2.${region}.${PARTITIONS[partition].dnsSuffix}`;
}
