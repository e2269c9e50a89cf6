import type { ScopeFetchContext } from "../collect/fetch-context";
import { fillImageDetails } from "./images";
import { fillInstanceTypeFacts, InstanceTypeCache } from "./instance-types";
import type { InstanceRow } from "./row";

/**
 * What instances' Config items lack and EC2 still tells, looked up in the instances' own
 * account and region as the Direct adapter does: AMI names (Config has none), and the type's
 * CPU defaults for items without cpuOptions (DescribeInstanceTypes, else the built-in table).
 * A denied or failed lookup leaves the rows as mapped rather than failing the scope.
 */
export async function completeInstanceConfigRows(ctx: ScopeFetchContext, rows: InstanceRow[]): Promise<InstanceRow[]> {
  if (!rows.length) return rows;
  const withImages = await fillImageDetails(ctx, rows).then(
    (filled) => filled.rows,
    () => rows,
  );
  return fillInstanceTypeFacts(ctx, ctx.instanceTypes ?? new InstanceTypeCache(), withImages).then(
    (filled) => filled.rows,
    () => withImages,
  );
}
