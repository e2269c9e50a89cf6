// GetInventory: one entity per managed node with inventory, its Data holding the one type
// ResultAttributes names (AWS:InstanceInformation by default); Filters (ANDed) keep the nodes
// with at least one matching row of the filtered type. MaxResults 1-50.
import { ApiError } from "../../protocols/errors";
import type { CallContext } from "../context";
import { agentInstances, maxResultsOf, nowMs, ssmPage, validationError } from "./common";
import { inventoryOf, isKnownTypeName } from "./inventory-data";
import { parseInventoryFilters, rowMatches } from "./inventory-filters";

function resultType(ctx: CallContext): string {
  const attrs = ctx.input.ResultAttributes as { TypeName?: unknown }[] | undefined;
  if (attrs === undefined) return "AWS:InstanceInformation";
  if (!Array.isArray(attrs) || attrs.length !== 1)
    throw validationError(
      "Value at 'resultAttributes' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
  const name = attrs[0]?.TypeName;
  if (typeof name !== "string" || !isKnownTypeName(name))
    throw new ApiError("InvalidResultAttributeException", `${String(name)} is not a valid result attribute.`, 400);
  return name;
}

export function getInventory(ctx: CallContext) {
  ctx.authorize("ssm:GetInventory", "*");
  const max = maxResultsOf(ctx, 1, 50);
  if (Array.isArray(ctx.input.Aggregators) && ctx.input.Aggregators.length > 0)
    throw new ApiError("InvalidAggregatorException", "Inventory aggregators are not simulated.", 400);
  const typeName = resultType(ctx);
  const filters = parseInventoryFilters(ctx.input.Filters);
  const now = nowMs(ctx);
  const entities = agentInstances(ctx)
    .map((i) => ({ id: i.InstanceId, data: inventoryOf(i, now) }))
    .filter(
      (e) =>
        e.data[typeName] && filters.every((f) => (e.data[f.typeName]?.Content ?? []).some((r) => rowMatches(r, f))),
    );
  const page = ssmPage(ctx, entities, max, "GetInventory", typeName, filters);
  return {
    Entities: page.items.map((e) => ({ Id: e.id, Data: { [typeName]: e.data[typeName] } })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
