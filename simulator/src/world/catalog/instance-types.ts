// Instance types the generators use, with their default CPU topology (vCPU = cores × threads).
// Graviton and t2 types have one thread per core, which licence maths must respect.
import type { InstanceTypeSpec } from "../resource-types";

export interface InstanceTypeInfo {
  type: string;
  family: string;
  cores: number;
  threadsPerCore: number;
  architecture: "x86_64" | "arm64";
}

function t(
  type: string,
  cores: number,
  threadsPerCore: number,
  architecture: "x86_64" | "arm64" = "x86_64",
): InstanceTypeInfo {
  return { type, family: type.split(".")[0], cores, threadsPerCore, architecture };
}

export const INSTANCE_TYPES: InstanceTypeInfo[] = [
  t("t2.medium", 2, 1),
  t("t3.medium", 1, 2),
  t("t3.large", 1, 2),
  t("m5.large", 1, 2),
  t("m5.xlarge", 2, 2),
  t("m5.2xlarge", 4, 2),
  t("m5.4xlarge", 8, 2),
  t("c5.xlarge", 2, 2),
  t("c5.2xlarge", 4, 2),
  t("c5.4xlarge", 8, 2),
  t("r5.large", 1, 2),
  t("r5.xlarge", 2, 2),
  t("r5.2xlarge", 4, 2),
  t("r5.4xlarge", 8, 2),
  t("m6i.xlarge", 2, 2),
  t("m6i.2xlarge", 4, 2),
  t("r6i.2xlarge", 4, 2),
  t("m6g.large", 2, 1, "arm64"),
  t("m6g.xlarge", 4, 1, "arm64"),
  t("c6g.xlarge", 4, 1, "arm64"),
  t("r6g.large", 2, 1, "arm64"),
];

/**
 * Types the generators never pick, placed by hand in the demo world (accelerated, HPC, Mac):
 * licence maths meets them rarely, and Cirrus's own built-in table does not know them, so
 * their topology can only come from DescribeInstanceTypes.
 */
export const OTHER_INSTANCE_TYPES: InstanceTypeInfo[] = [
  t("g5.xlarge", 2, 2),
  t("p4d.24xlarge", 48, 2),
  t("hpc7a.96xlarge", 192, 1),
  t("mac2.metal", 12, 1),
];

const BY_TYPE = new Map([...INSTANCE_TYPES, ...OTHER_INSTANCE_TYPES].map((i) => [i.type, i]));

/** The facts DescribeInstanceTypes serves for every type in the catalog, in AWS's output names. */
export function catalogInstanceTypeSpecs(): InstanceTypeSpec[] {
  return [...INSTANCE_TYPES, ...OTHER_INSTANCE_TYPES].map((i) => ({
    InstanceType: i.type,
    VCpuInfo: {
      DefaultVCpus: i.cores * i.threadsPerCore,
      DefaultCores: i.cores,
      DefaultThreadsPerCore: i.threadsPerCore,
    },
    ProcessorInfo: { SupportedArchitectures: [i.architecture] },
  }));
}

export function instanceTypeInfo(type: string): InstanceTypeInfo {
  const info = BY_TYPE.get(type);
  if (!info) throw new Error(`unknown instance type in catalog: ${type}`);
  return info;
}

export function vcpus(type: string): number {
  const i = instanceTypeInfo(type);
  return i.cores * i.threadsPerCore;
}

export const X86_GENERAL = [
  "t3.medium",
  "t3.large",
  "t2.medium",
  "m5.large",
  "m5.xlarge",
  "m5.2xlarge",
  "c5.xlarge",
  "c5.2xlarge",
  "m6i.xlarge",
  "m6i.2xlarge",
];
export const X86_MEMORY = ["r5.large", "r5.xlarge", "r5.2xlarge", "r5.4xlarge", "r6i.2xlarge", "m5.4xlarge"];
export const ARM = ["m6g.large", "m6g.xlarge", "c6g.xlarge", "r6g.large"];

/** Dedicated host hardware per family (Nitro hosts: 2 sockets). */
export const HOST_FAMILIES: Record<string, { sockets: number; cores: number; totalVCpus: number; types: string[] }> = {
  m5: { sockets: 2, cores: 48, totalVCpus: 96, types: ["m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge"] },
  r5: { sockets: 2, cores: 48, totalVCpus: 96, types: ["r5.large", "r5.xlarge", "r5.2xlarge", "r5.4xlarge"] },
  c5: { sockets: 2, cores: 36, totalVCpus: 72, types: ["c5.xlarge", "c5.2xlarge", "c5.4xlarge"] },
};
