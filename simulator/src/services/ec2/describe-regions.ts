// EC2 DescribeRegions for the calling account: enabled regions by default, every region of the
// account with AllRegions=true; filters opt-in-status, region-name, endpoint.
import { ApiError } from "../../protocols/errors";
import { boolParam, ec2Filters, indexedList } from "../../protocols/params";
import { ec2Endpoint } from "../../world/partitions";
import type { RegionSpec } from "../../world/types";
import type { CallContext } from "../context";
import { applyFilters } from "./filters";
import { list, leaf } from "./xml-common";

export function describeRegions(ctx: CallContext): string {
  ctx.authorize("ec2:DescribeRegions", "*");
  const partition = ctx.world.partition;
  const all = ctx.world.regionsOf(ctx.session.accountId);
  const names = indexedList(ctx.params, "RegionName");
  const unknown = names.filter((n) => !all.some((r) => r.name === n));
  if (unknown.length > 0) throw new ApiError("InvalidParameterValue", `Invalid region: ${unknown.join(", ")}`, 400);
  let items = boolParam(ctx.params, "AllRegions") ? all : all.filter((r) => r.optIn !== "not-opted-in");
  if (names.length > 0) items = items.filter((r) => names.includes(r.name));
  items = applyFilters(
    items,
    ec2Filters(ctx.params),
    (r: RegionSpec, name) => {
      if (name === "opt-in-status") return [r.optIn];
      if (name === "region-name") return [r.name];
      if (name === "endpoint") return [ec2Endpoint(r.name, partition)];
      return undefined;
    },
    all[0],
  );
  return list(
    "regionInfo",
    "item",
    items,
    (r) =>
      leaf("regionName", r.name) +
      leaf("regionEndpoint", ec2Endpoint(r.name, partition)) +
      leaf("optInStatus", r.optIn),
  );
}
