// EC2 (ec2 query protocol).
import { ec2Filters, indexedList, type Params } from "../../protocols/params";
import type { ServiceModule } from "../context";
import { describeHosts } from "./describe-hosts";
import { describeImages } from "./describe-images";
import { describeInstanceTypes } from "./describe-instance-types";
import { describeInstances } from "./describe-instances";
import { describeRegions } from "./describe-regions";
import { describeReservedInstances } from "./describe-reserved";

export const ec2: ServiceModule = {
  actions: {
    DescribeInstances: describeInstances,
    DescribeHosts: describeHosts,
    DescribeReservedInstances: describeReservedInstances,
    DescribeImages: describeImages,
    DescribeInstanceTypes: describeInstanceTypes,
    DescribeRegions: describeRegions,
  },
  isUnpaginated(action: string, params: Params): boolean {
    return (
      action === "DescribeInstances" &&
      !params.has("MaxResults") &&
      !params.has("NextToken") &&
      ec2Filters(params).length === 0 &&
      indexedList(params, "InstanceId").length === 0
    );
  },
};
