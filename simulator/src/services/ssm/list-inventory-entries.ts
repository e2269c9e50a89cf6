// ListInventoryEntries: the rows of one inventory type on one managed node (MaxResults 1-50);
// Filters narrow the rows and may name the attribute bare or as "TypeName.Attribute".
import { ApiError } from "../../protocols/errors";
import { arn } from "../../world/partitions";
import type { CallContext } from "../context";
import { agentInstances, maxResultsOf, nowMs, ssmPage, validationError } from "./common";
import { inventoryOf, isKnownTypeName } from "./inventory-data";
import { parseInventoryFilters, rowMatches } from "./inventory-filters";

export function listInventoryEntries(ctx: CallContext) {
  const { InstanceId: instanceId, TypeName: typeName } = ctx.input;
  if (typeof instanceId !== "string")
    throw validationError("Value null at 'instanceId' failed to satisfy constraint: Member must not be null");
  if (typeof typeName !== "string")
    throw validationError("Value null at 'typeName' failed to satisfy constraint: Member must not be null");
  ctx.authorize(
    "ssm:ListInventoryEntries",
    arn(ctx.world.partition, "ec2", ctx.region, ctx.session.accountId, `instance/${instanceId}`),
  );
  const instance = agentInstances(ctx).find((i) => i.InstanceId === instanceId);
  if (!instance) throw new ApiError("InvalidInstanceId", `Instance Id ${instanceId} is not valid.`, 400);
  if (!isKnownTypeName(typeName))
    throw new ApiError("InvalidTypeNameException", `${typeName} is not a valid inventory type.`, 400);
  const max = maxResultsOf(ctx, 1, 50);
  const filters = parseInventoryFilters(ctx.input.Filters, typeName);
  const item = inventoryOf(instance, nowMs(ctx))[typeName];
  const rows = (item?.Content ?? []).filter((r) => filters.every((f) => rowMatches(r, f)));
  const page = ssmPage(ctx, rows, max, "ListInventoryEntries", instanceId, typeName, filters);
  return {
    TypeName: typeName,
    InstanceId: instanceId,
    ...(item ? { SchemaVersion: item.SchemaVersion, CaptureTime: item.CaptureTime } : {}),
    Entries: page.items,
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
