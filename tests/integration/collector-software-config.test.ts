// A connection through the AWS Config aggregator collects software too: Config records no SSM
// Inventory, so the SSM types are read from SSM in each account and region, as a Direct connection
// reads them, and the run note says so. Both runs leave out the accounts with cells the demo
// world denies (ssm:GetInventory, RDS), so each must read everything it plans.
import { afterEach, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { createConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import { RESOURCES } from "@/lib/resources/registry";
import { DEMO_RDS_DENIED, DEMO_SSM_INVENTORY_DENIED } from "@/simulator/src/index";
import { demoConnection, resetInventory, type CollectorFixture } from "./collector-fixtures";

// The accounts of the cells the demo world denies (ssm:GetInventory, RDS).
const deniedAccounts = [...new Set([DEMO_SSM_INVENTORY_DENIED.aws.account, DEMO_RDS_DENIED.aws.account])];

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

// Managed nodes and applications as an analyst would compare them, across the whole inventory
// (it was emptied before each run).
async function ssmRows() {
  const nodes = await getDb().managedNode.findMany({
    where: { removedAt: null },
    select: { accountId: true, region: true, instanceId: true, pingStatus: true, cpus: true, hyperThreading: true },
  });
  const software = await getDb().installedSoftware.findMany({
    where: { removedAt: null },
    select: { accountId: true, region: true, softwareId: true, version: true, product: true, edition: true },
  });
  return {
    nodes: nodes.map((row) => JSON.stringify(row)).sort(),
    software: software.map((row) => JSON.stringify(row)).sort(),
  };
}

it("reads managed nodes and installed software from SSM for a Config aggregator connection, as Direct does", async () => {
  fixture = await demoConnection({ excludeAccountIds: deniedAccounts, collectSoftware: true });
  const direct = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
  expect(direct.status).toBe("succeeded");
  const viaDirect = await ssmRows();
  expect(viaDirect.nodes.length).toBeGreaterThan(0);
  expect(viaDirect.software.length).toBeGreaterThan(viaDirect.nodes.length);

  await resetInventory();
  const row = await getDb().connection.findUniqueOrThrow({ where: { id: fixture.connectionId } });
  const config = await createConnection(
    {
      ...(JSON.parse(row.config) as Record<string, unknown>),
      name: `config-software-${fixture.connectionId}`,
      secretAccessKey: fixture.creds.users[0].secretAccessKey,
      adapter: "config-aggregator",
      aggregatorName: "cirrus-aggregator",
      aggregatorRegion: "us-east-1",
    },
    { actor: null, ip: null },
  );
  const viaConfigRun = await collectConnection({ connectionId: config.id, trigger: "cli" });
  expect(viaConfigRun.status).toBe("succeeded");
  expect(await ssmRows()).toEqual(viaDirect);
  const run = await getDb().run.findUniqueOrThrow({ where: { id: viaConfigRun.runId } });
  for (const type of ["managed-node", "installed-software"] as const)
    expect(run.notes).toContain(RESOURCES[type].labels.title);
});
