// EC2 DescribeInstanceTypes: InstanceType.N, Filter.N, MaxResults 5-100 with NextToken paging.
// Every region answers from the world's facts table (the same types everywhere).
import { ApiError } from "../../protocols/errors";
import { ec2Filters, indexedList, intParam } from "../../protocols/params";
import type { InstanceTypeSpec } from "../../world/types";
import type { CallContext } from "../context";
import { decodeToken, fingerprint, pageOf, pageSize } from "../paging";
import { applyFilters, checkMaxResults, type FilterValues, invalidToken } from "./filters";
import { stringList } from "../../protocols/xml";
import { leaf, list, node } from "./xml-common";

const DEFAULT_PAGE = 100;

const typeFilterValues: FilterValues<InstanceTypeSpec> = (t, name) => {
  switch (name) {
    case "instance-type":
      return [t.InstanceType];
    case "vcpu-info.default-vcpus":
      return [String(t.VCpuInfo.DefaultVCpus)];
    case "vcpu-info.default-cores":
      return [t.VCpuInfo.DefaultCores === undefined ? undefined : String(t.VCpuInfo.DefaultCores)];
    case "vcpu-info.default-threads-per-core":
      return [t.VCpuInfo.DefaultThreadsPerCore === undefined ? undefined : String(t.VCpuInfo.DefaultThreadsPerCore)];
    case "processor-info.supported-architecture":
      return t.ProcessorInfo?.SupportedArchitectures ?? [];
    default:
      return undefined;
  }
};

export function describeInstanceTypes(ctx: CallContext): string {
  ctx.authorize("ec2:DescribeInstanceTypes", "*");
  const asked = indexedList(ctx.params, "InstanceType");
  const filters = ec2Filters(ctx.params);
  const maxResults = intParam(ctx.params, "MaxResults");
  checkMaxResults(maxResults, 5, 100);

  const all = ctx.world.instanceTypes();
  // AWS rejects the whole call when one asked type does not exist, naming them all.
  const missing = asked.filter((type) => !all.some((t) => t.InstanceType === type));
  if (missing.length > 0)
    throw new ApiError(
      "InvalidInstanceType",
      `The following supplied instance types do not exist: [${missing.join(", ")}]`,
      400,
    );
  let items = asked.length > 0 ? all.filter((t) => asked.includes(t.InstanceType)) : all;
  items = applyFilters(items, filters, typeFilterValues, all[0]);

  const fp = fingerprint("DescribeInstanceTypes", asked, filters);
  const offset = decodeToken(ctx.params.get("NextToken"), fp);
  if (offset === undefined) throw invalidToken();
  const page = pageOf(items, offset, pageSize(maxResults, DEFAULT_PAGE, ctx.world.spec.limits?.maxPageSize), fp);
  return list("instanceTypeSet", "item", page.items, typeXml) + leaf("nextToken", page.nextToken);
}

function typeXml(t: InstanceTypeSpec): string {
  const v = t.VCpuInfo;
  return (
    leaf("instanceType", t.InstanceType) +
    leaf("currentGeneration", true) +
    (t.ProcessorInfo
      ? node("processorInfo", stringList("supportedArchitectures", "item", t.ProcessorInfo.SupportedArchitectures))
      : "") +
    node(
      "vCpuInfo",
      leaf("defaultVCpus", v.DefaultVCpus),
      leaf("defaultCores", v.DefaultCores),
      leaf("defaultThreadsPerCore", v.DefaultThreadsPerCore),
    )
  );
}
