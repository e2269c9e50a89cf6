// The caller's resources in the region of the request.
import type { CallContext } from "../context";
import type { RegionStore } from "../../world/region-store";

export function storeFor(ctx: CallContext): RegionStore | undefined {
  return ctx.world.region(ctx.session.accountId, ctx.region);
}
