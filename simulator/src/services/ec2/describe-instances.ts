// EC2 DescribeInstances: InstanceId.N or filters, MaxResults 5-1000 with NextToken paging.
import { ApiError } from "../../protocols/errors";
import { ec2Filters, indexedList, intParam } from "../../protocols/params";
import type { CallContext } from "../context";
import { decodeToken, fingerprint, pageOf, pageSize } from "../paging";
import { applyFilters, checkMaxResults, invalidToken } from "./filters";
import { instanceFilterValues } from "./instance-filters";
import { reservationSetXml } from "./instance-xml";
import { leaf } from "./xml-common";
import { storeFor } from "./caller-store";

export function describeInstances(ctx: CallContext): string {
  ctx.authorize("ec2:DescribeInstances", "*");
  const ids = indexedList(ctx.params, "InstanceId");
  const filters = ec2Filters(ctx.params);
  const maxResults = intParam(ctx.params, "MaxResults");
  if (ids.length > 0 && maxResults !== undefined) {
    throw new ApiError(
      "InvalidParameterCombination",
      "The parameter instancesSet cannot be used with the parameter maxResults",
      400,
    );
  }
  checkMaxResults(maxResults, 5, 1000);
  for (const id of ids)
    if (!/^i-[0-9a-f]{8,17}$/.test(id)) throw new ApiError("InvalidInstanceID.Malformed", `Invalid id: "${id}"`, 400);

  const all = storeFor(ctx)?.instances ?? [];
  let items = ids.length > 0 ? all.filter((i) => ids.includes(i.InstanceId)) : all;
  if (ids.length > 0) {
    const missing = ids.filter((id) => !items.some((i) => i.InstanceId === id));
    if (missing.length === 1)
      throw new ApiError("InvalidInstanceID.NotFound", `The instance ID '${missing[0]}' does not exist`, 400);
    if (missing.length > 1)
      throw new ApiError("InvalidInstanceID.NotFound", `The instance IDs '${missing.join(", ")}' do not exist`, 400);
  }
  items = applyFilters(items, filters, instanceFilterValues(ctx.session.accountId), all[0]);

  const fp = fingerprint("DescribeInstances", ids, filters);
  const offset = decodeToken(ctx.params.get("NextToken"), fp);
  if (offset === undefined) throw invalidToken();
  // Without MaxResults AWS returns everything in one response (unless the world caps pages).
  const size = pageSize(maxResults, Math.max(items.length, 1), ctx.world.spec.limits?.maxPageSize);
  const page = pageOf(items, offset, size, fp);
  return reservationSetXml(page.items, ctx.session.accountId) + leaf("nextToken", page.nextToken);
}
