import { fleetOf } from "../collect/ssm-fleet";
import type { ScopeFetchContext } from "../collect/fetch-context";
import type { FetchedPage } from "../rows";
import { mapApplications } from "./map";
import { sqlSetupFacts } from "./recognition";

// One page: every managed EC2 node's applications, with SQL Server's registry edition folded in.
// Only nodes DescribeInstanceInformation lists as EC2 instances of this account x region count;
// a node with no inventory yet has no rows (the read side shows it as "software unknown").
export async function* fetchInstalledSoftware(
  ctx: ScopeFetchContext,
): AsyncGenerator<FetchedPage<"installed-software">> {
  const fleet = fleetOf(ctx);
  const nodes = await fleet.nodes(ctx);
  const applications = await fleet.inventory(ctx, "applications");
  const registry = await fleet.inventory(ctx, "sqlServerRegistry");
  const rows = nodes.value.flatMap((node) => {
    const id = node.InstanceId!;
    const apps = applications.value.get(id)?.rows ?? [];
    return mapApplications(id, apps, sqlSetupFacts(registry.value.get(id)?.rows ?? []));
  });
  yield { rows, requests: nodes.requests + applications.requests + registry.requests };
}
