// SSM GetInventory through the real SDK client and its paginator: entities and their Data by
// type (ResultAttributes), filters, pages of MaxResults (1-50), the demo's licensable software
// found exactly where the world put it, the denied cell, throttling and AWS's error codes.
// Expected rows come from the world definition.
import {
  GetInventoryCommand,
  type GetInventoryCommandInput,
  type InventoryResultEntity,
  paginateGetInventory,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEMBERS, DEMO_REGIONS, DEMO_SOFTWARE_CELLS, DEMO_SSM_INVENTORY_DENIED } from "../../src/index";
import { assumeMember, failure, type Keys, startTestSim, type TestSim } from "../helpers";
import {
  cellInstances,
  expectedApplications,
  expectedDetailed,
  expectedInventoried,
  instancesWithApplication,
  isAboutSecondsAgo,
} from "../ssm-expected";

let t: TestSim;
const keys = new Map<string, Keys>();
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());
afterEach(async () => {
  await fetch(`${t.url}/_sim/faults`, { method: "DELETE" });
});

async function ssm(account: string, region: string): Promise<SSMClient> {
  if (!keys.has(account)) keys.set(account, await assumeMember(t, account));
  return new SSMClient(t.cfg(keys.get(account)!, region));
}

async function entities(client: SSMClient, input: GetInventoryCommandInput = {}, pageSize = 50) {
  const out: InventoryResultEntity[] = [];
  let pages = 0;
  for await (const page of paginateGetInventory({ client, pageSize }, input)) {
    pages++;
    expect(page.Entities!.length).toBeLessThanOrEqual(pageSize);
    out.push(...page.Entities!);
  }
  return { entities: out, pages };
}

const byType = (typeName: string): GetInventoryCommandInput => ({ ResultAttributes: [{ TypeName: typeName }] });
const denied = DEMO_SSM_INVENTORY_DENIED.aws;
const enabledRegions = DEMO_REGIONS.aws.filter(([, optIn]) => optIn !== "not-opted-in").map(([name]) => name);

describe("SSM GetInventory", () => {
  const account = "222222222222";
  const region = "us-east-1";

  it("returns AWS:InstanceInformation by default, one entity per inventoried node, in pages of MaxResults", async () => {
    const expected = expectedInventoried(t.spec, account, region);
    const { entities: got, pages } = await entities(await ssm(account, region), {}, 7);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(got.map((e) => e.Id)).toEqual(expected.map((i) => i.InstanceId));
    for (const [k, e] of got.entries()) {
      const i = expected[k];
      expect(Object.keys(e.Data!)).toEqual(["AWS:InstanceInformation"]);
      const info = e.Data!["AWS:InstanceInformation"];
      expect(info.SchemaVersion).toBe("1.0");
      expect(isAboutSecondsAgo(info.CaptureTime!, i.Ssm!.InventorySecondsAgo!, 1800)).toBe(true);
      expect(info.Content).toEqual([
        {
          AgentType: "amazon-ssm-agent",
          AgentVersion: i.Ssm!.AgentVersion,
          ComputerName: i.Ssm!.ComputerName,
          InstanceId: i.InstanceId,
          InstanceStatus: "Active",
          IpAddress: i.PrivateIpAddress,
          PlatformName: i.Ssm!.PlatformName,
          PlatformType: i.Platform === "windows" ? "Windows" : "Linux",
          PlatformVersion: i.Ssm!.PlatformVersion,
          ResourceType: "EC2Instance",
        },
      ]);
    }
  });

  it("serves the type ResultAttributes names: applications, CPU facts, registry values (strings all)", async () => {
    const client = await ssm(account, region);
    const expected = expectedInventoried(t.spec, account, region);
    const apps = await entities(client, byType("AWS:Application"));
    expect(apps.entities.map((e) => e.Id)).toEqual(expected.map((i) => i.InstanceId));
    for (const [k, e] of apps.entities.entries()) {
      expect(Object.keys(e.Data!)).toEqual(["AWS:Application"]);
      expect(e.Data!["AWS:Application"].Content).toEqual(expectedApplications(expected[k]));
    }
    const cpu = await entities(client, byType("AWS:InstanceDetailedInformation"));
    for (const [k, e] of cpu.entities.entries())
      expect(e.Data!["AWS:InstanceDetailedInformation"].Content![0]).toMatchObject(expectedDetailed(expected[k]));
    // Only Windows nodes with SQL Server report registry values.
    const registry = await entities(client, byType("AWS:WindowsRegistry"));
    const withRegistry = expected.filter((i) => i.Ssm!.Registry?.length);
    expect(withRegistry.length).toBeGreaterThan(0);
    expect(registry.entities.map((e) => e.Id)).toEqual(withRegistry.map((i) => i.InstanceId));
    for (const [k, e] of registry.entities.entries())
      expect(e.Data!["AWS:WindowsRegistry"].Content).toEqual(withRegistry[k].Ssm!.Registry);
  });

  it("finds Oracle EE, SQL Server editions and IBM MQ exactly where the world installed them", async () => {
    const products = ["oracle-database-ee-19c", "Microsoft SQL Server 2019 (64-bit)", "MQSeriesServer"];
    const found: Record<string, string[]> = Object.fromEntries(products.map((p) => [p, []]));
    for (const m of DEMO_MEMBERS)
      for (const region of enabledRegions) {
        if (m.id === denied.account && region === denied.region) continue;
        const client = await ssm(m.id, region);
        for (const p of products) {
          const filter = { Filters: [{ Key: "AWS:Application.Name", Values: [p], Type: "Equal" as const }] };
          const got = await entities(client, { ...byType("AWS:Application"), ...filter });
          found[p].push(...got.entities.map((e) => `${m.id}/${region}/${e.Id}`));
        }
      }
    for (const p of products) {
      const expected = instancesWithApplication(t.spec, p).filter(
        (x) => x.account !== denied.account || x.region !== denied.region,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(found[p].sort()).toEqual(expected.map((x) => `${x.account}/${x.region}/${x.instance.InstanceId}`).sort());
    }
    // The SQL Server 2019 nodes are the two plain-Windows ones, told apart by the registry.
    const sql = instancesWithApplication(t.spec, "Microsoft SQL Server 2019 (64-bit)");
    expect(sql.map((x) => x.instance.UsageOperation)).toEqual(["RunInstances:0002", "RunInstances:0002"]);
    const editions = sql.map((x) => x.instance.Ssm!.Registry!.find((r) => r.ValueName === "Edition")!.Value);
    expect(editions.sort()).toEqual(["Developer Edition", "Standard Edition"]);
  });

  it("ANDs filters and compares with BeginWith, NotEqual and GreaterThan", async () => {
    const client = await ssm(account, region);
    const expected = expectedInventoried(t.spec, account, region);
    const sqlNodes = expected.filter((i) => i.Ssm!.Applications.some((a) => a.Name.startsWith("Microsoft SQL Server")));
    const sql = { Key: "AWS:Application.Name", Values: ["Microsoft SQL Server"], Type: "BeginWith" as const };
    expect((await entities(client, { Filters: [sql] })).entities.map((e) => e.Id)).toEqual(
      sqlNodes.map((i) => i.InstanceId),
    );
    const big = { Key: "AWS:InstanceDetailedInformation.CPUCores", Values: ["2"], Type: "GreaterThan" as const };
    const bigSql = sqlNodes.filter((i) => i.CpuOptions.CoreCount > 2);
    expect((await entities(client, { Filters: [sql, big] })).entities.map((e) => e.Id)).toEqual(
      bigSql.map((i) => i.InstanceId),
    );
    const live = { Key: "AWS:InstanceInformation.InstanceStatus", Values: ["Terminated"], Type: "NotEqual" as const };
    expect((await entities(client, { Filters: [live] })).entities).toHaveLength(expected.length);
  });

  it("reports the stale node's inventory with its 40-day-old capture time", async () => {
    const cell = DEMO_SOFTWARE_CELLS.staleInventory;
    const r = DEMO_REGIONS.aws[cell.regionIndex][0];
    const stale = cellInstances(t.spec, cell.account, r).find((i) => i.Ssm?.PingStatus === "ConnectionLost")!;
    const filter = { Key: "AWS:InstanceInformation.InstanceId", Values: [stale.InstanceId] };
    const { entities: got } = await entities(await ssm(cell.account, r), { Filters: [filter] });
    const info = got[0].Data!["AWS:InstanceInformation"];
    expect(info.Content![0].InstanceStatus).toBe("ConnectionLost");
    expect(isAboutSecondsAgo(info.CaptureTime!, stale.Ssm!.InventorySecondsAgo!, 1800)).toBe(true);
  });

  it("is denied in the one cell whose role lacks ssm:GetInventory, where the nodes still list", async () => {
    const client = await ssm(denied.account, denied.region);
    expect(await failure(client.send(new GetInventoryCommand({})))).toMatchObject({
      name: "AccessDeniedException",
      status: 400,
    });
    const other = enabledRegions.find((r) => r !== denied.region)!;
    const elsewhere = await entities(await ssm(denied.account, other));
    expect(elsewhere.entities).toHaveLength(expectedInventoried(t.spec, denied.account, other).length);
  });

  it("answers ThrottlingException when the fault rules throttle it", async () => {
    await fetch(`${t.url}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rules: [{ selector: { api: "ssm:GetInventory" }, throttleRate: 1 }] }),
    });
    const client = await ssm(account, region);
    expect(await failure(client.send(new GetInventoryCommand({})))).toMatchObject({
      name: "ThrottlingException",
      status: 400,
    });
  });

  it("answers AWS's error codes for bad MaxResults, tokens, types and filters", async () => {
    const client = await ssm(account, region);
    const send = (input: GetInventoryCommandInput) => failure(client.send(new GetInventoryCommand(input)));
    expect((await send({ MaxResults: 0 })).name).toBe("ValidationException");
    expect((await send({ MaxResults: 51 })).name).toBe("ValidationException");
    expect((await send({ NextToken: "bm90IGEgdG9rZW4" })).name).toBe("InvalidNextToken");
    expect((await send(byType("AWS:Nonsense"))).name).toBe("InvalidResultAttributeException");
    expect((await send({ Filters: [{ Key: "AWS:Nonsense.Name", Values: ["x"] }] })).name).toBe(
      "InvalidTypeNameException",
    );
    expect((await send({ Filters: [{ Key: "AWS:Application.Colour", Values: ["x"] }] })).name).toBe("InvalidFilter");
  });
});
