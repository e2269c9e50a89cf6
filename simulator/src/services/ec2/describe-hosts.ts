// EC2 DescribeHosts: HostId.N or Filter.N, MaxResults 5-500 with NextToken paging.
import { ApiError } from "../../protocols/errors";
import { ec2Filters, indexedList, intParam } from "../../protocols/params";
import { hostView, type HostView } from "../../world/host-view";
import type { CallContext } from "../context";
import { decodeToken, fingerprint, pageOf, pageSize } from "../paging";
import { applyFilters, checkMaxResults, type FilterValues, invalidToken, tagValues } from "./filters";
import { storeFor } from "./caller-store";
import { leaf, list, node, tagSet } from "./xml-common";

const hostFilterValues: FilterValues<HostView> = (h, name) => {
  switch (name) {
    case "state":
      return [h.State];
    case "availability-zone":
      return [h.AvailabilityZone];
    case "auto-placement":
      return [h.AutoPlacement];
    case "host-reservation-id":
      return [h.HostReservationId];
    case "instance-type":
      return [h.HostProperties.InstanceType];
    case "client-token":
      return [];
    default:
      return tagValues(h.Tags, name);
  }
};

export function describeHosts(ctx: CallContext): string {
  ctx.authorize("ec2:DescribeHosts", "*");
  const ids = indexedList(ctx.params, "HostId");
  const filters = ec2Filters(ctx.params);
  const maxResults = intParam(ctx.params, "MaxResults");
  if (ids.length > 0 && maxResults !== undefined)
    throw new ApiError(
      "InvalidParameterCombination",
      "The parameter hostSet cannot be used with the parameter maxResults",
      400,
    );
  checkMaxResults(maxResults, 5, 500);

  const store = storeFor(ctx);
  const all = store ? store.hosts.map((h) => hostView(store, h)) : [];
  let items = ids.length > 0 ? all.filter((h) => ids.includes(h.HostId)) : all;
  const missing = ids.filter((id) => !items.some((h) => h.HostId === id));
  if (missing.length > 0)
    throw new ApiError("InvalidHostID.NotFound", `The host ID '${missing[0]}' does not exist`, 400);
  items = applyFilters(items, filters, hostFilterValues, all[0]);

  const fp = fingerprint("DescribeHosts", ids, filters);
  const offset = decodeToken(ctx.params.get("NextToken"), fp);
  if (offset === undefined) throw invalidToken();
  const size = pageSize(maxResults, Math.max(items.length, 1), ctx.world.spec.limits?.maxPageSize);
  const page = pageOf(items, offset, size, fp);
  return list("hostSet", "item", page.items, hostXml) + leaf("nextToken", page.nextToken);
}

function hostXml(h: HostView): string {
  return (
    leaf("hostId", h.HostId) +
    leaf("autoPlacement", h.AutoPlacement) +
    leaf("hostReservationId", h.HostReservationId) +
    leaf("availabilityZone", h.AvailabilityZone) +
    node(
      "availableCapacity",
      list(
        "availableInstanceCapacity",
        "item",
        h.AvailableCapacity.AvailableInstanceCapacity,
        (c) =>
          leaf("availableCapacity", c.AvailableCapacity) +
          leaf("instanceType", c.InstanceType) +
          leaf("totalCapacity", c.TotalCapacity),
      ),
      leaf("availableVCpus", h.AvailableCapacity.AvailableVCpus),
    ) +
    node(
      "hostProperties",
      leaf("cores", h.HostProperties.Cores),
      leaf("instanceType", h.HostProperties.InstanceType),
      leaf("instanceFamily", h.HostProperties.InstanceFamily),
      leaf("sockets", h.HostProperties.Sockets),
      leaf("totalVCpus", h.HostProperties.TotalVCpus),
    ) +
    list(
      "instances",
      "item",
      h.Instances,
      (i) => leaf("instanceId", i.InstanceId) + leaf("instanceType", i.InstanceType) + leaf("ownerId", i.OwnerId),
    ) +
    leaf("state", h.State) +
    leaf("allocationTime", h.AllocationTime) +
    leaf("releaseTime", h.ReleaseTime) +
    tagSet(h.Tags) +
    leaf("hostRecovery", h.HostRecovery) +
    leaf("allowsMultipleInstanceTypes", h.AllowsMultipleInstanceTypes) +
    leaf("ownerId", h.OwnerId) +
    leaf("memberOfServiceLinkedResourceGroup", false)
  );
}
