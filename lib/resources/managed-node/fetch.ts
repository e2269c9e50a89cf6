import { fleetOf } from "../collect/ssm-fleet";
import type { ScopeFetchContext } from "../collect/fetch-context";
import type { FetchedPage } from "../rows";
import { mapManagedNode } from "./map";

// One page: the node list joined with the fleet's CPU inventory (both read once per cell and
// shared with the installed-software scope). A denied ssm:GetInventory fails this scope too,
// like any helper: its rows and CPU facts are kept as they were, never blanked.
export async function* fetchManagedNodes(ctx: ScopeFetchContext): AsyncGenerator<FetchedPage<"managed-node">> {
  const fleet = fleetOf(ctx);
  const nodes = await fleet.nodes(ctx);
  const cpu = await fleet.inventory(ctx, "cpu");
  const rows = nodes.value.map((node) => mapManagedNode(node, cpu.value.get(node.InstanceId!)));
  yield { rows, requests: nodes.requests + cpu.requests };
}
