// The Direct fetchers against the simulator's demo world: every account x enabled region x
// resource type, read through the member roles, matches /_sim/summary and the world's own records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAccounts } from "@/lib/aws/discovery";
import { classifyAwsError } from "@/lib/aws/errors";
import { type AwsSession, createAwsSession } from "@/lib/aws/session";
import { fetchScope } from "@/lib/collector/fetch";
import { ImageCache } from "@/lib/resources/ec2-instance/image-cache";
import { RESOURCES } from "@/lib/resources/registry";
import type { ResourceType, RowOf } from "@/lib/resources/rows";
import { dbInstanceClassFacts, instanceTypeFacts } from "@/lib/licensing";
import { DEMO_NAMES, DEMO_RDS_DENIED } from "@/simulator/src/index";
import { dbClassVcpus, ENGINES } from "@/simulator/src/world/catalog/db-engines";
import { INSTANCE_TYPES } from "@/simulator/src/world/catalog/instance-types";
import { type DemoSim, startDemo } from "./aws-fixtures";

type Summary = {
  accounts: {
    id: string;
    regions: {
      name: string;
      optIn: string;
      instances: number;
      hosts: number;
      reservedInstances: number;
      dbInstances: number;
    }[];
  }[];
};
type Outcome<T extends ResourceType> = { rows: RowOf<T>[]; pages: number; requests: number[] } | { error: unknown };

const PAGE_SIZE = 5; // DescribeInstances / DescribeHosts minimum; RDS clamps it to its minimum, 20
const SUMMARY_FIELD = {
  "ec2-instance": "instances",
  "dedicated-host": "hosts",
  "reserved-instance": "reservedInstances",
  "rds-db-instance": "dbInstances",
} as const;
// The EC2 and RDS types; the SSM types (managed nodes, installed software) have their own suite,
// collector-software.test.ts, computed from the world's managed nodes.
const TYPES = Object.keys(SUMMARY_FIELD) as (keyof typeof SUMMARY_FIELD)[];
const DENIED = DEMO_RDS_DENIED.aws;

let demo: DemoSim;
let session: AwsSession;
let summary: Summary;
const images = new ImageCache();
const outcomes = new Map<string, Outcome<ResourceType>>();
const cells: { accountId: string; region: string }[] = [];
const key = (accountId: string, region: string, type: ResourceType) => `${accountId}|${region}|${type}`;

async function drain<T extends ResourceType>(accountId: string, region: string, type: T): Promise<Outcome<T>> {
  try {
    const rows: RowOf<T>[] = [];
    const requests: number[] = [];
    for await (const page of fetchScope({ session, accountId, region, images, pageSize: PAGE_SIZE }, type)) {
      rows.push(...page.rows);
      requests.push(page.requests);
    }
    return { rows, pages: requests.length, requests };
  } catch (error) {
    return { error };
  }
}

function ok<T extends ResourceType>(
  accountId: string,
  region: string,
  type: T,
): { rows: RowOf<T>[]; pages: number; requests: number[] } {
  const outcome = outcomes.get(key(accountId, region, type)) as Outcome<T>;
  if ("error" in outcome) throw new Error(`${key(accountId, region, type)} failed: ${String(outcome.error)}`);
  return outcome;
}

beforeAll(async () => {
  demo = await startDemo();
  // The demo's four member roles now share one external ID, as a StackSet deploys them.
  const externalIds = new Set(
    demo.creds.roles.filter((r) => r.purpose === "member-inventory").map((r) => r.externalId),
  );
  expect(externalIds.size).toBe(1);
  session = createAwsSession(demo.settings({ externalId: [...externalIds][0] }));
  await discoverAccounts(session, {
    mode: "organizations",
    organizationalUnitIds: [],
    memberRoleName: DEMO_NAMES.memberRole,
    excludeAccountIds: [],
  });
  summary = (await (await fetch(`${demo.url}/_sim/summary`)).json()) as Summary;
  for (const account of summary.accounts)
    for (const r of account.regions)
      if (r.optIn !== "not-opted-in") cells.push({ accountId: account.id, region: r.name });
  await Promise.all(
    cells.flatMap(({ accountId, region }) =>
      TYPES.map(async (type) => outcomes.set(key(accountId, region, type), await drain(accountId, region, type))),
    ),
  );
});

afterAll(async () => {
  session?.destroy();
  await demo?.sim.close();
});

describe("Direct fetch of the demo world", () => {
  it("reads 5 accounts x 4 enabled regions x 4 types; counts equal /_sim/summary", () => {
    expect(cells).toHaveLength(20);
    const counted = { instances: 0, hosts: 0, reservedInstances: 0, dbInstances: 0 };
    for (const account of summary.accounts) {
      for (const r of account.regions.filter((x) => x.optIn !== "not-opted-in")) {
        for (const type of TYPES) {
          if (type === "rds-db-instance" && account.id === DENIED.account && r.name === DENIED.region) continue;
          const { rows } = ok(account.id, r.name, type);
          expect(rows.length, key(account.id, r.name, type)).toBe(r[SUMMARY_FIELD[type]]);
          counted[SUMMARY_FIELD[type]] += rows.length;
        }
      }
    }
    // The world's totals (docs/simulator.md lists them), the denied cell's databases aside.
    const denied = summary.accounts
      .find((a) => a.id === DENIED.account)!
      .regions.find((r) => r.name === DENIED.region)!.dbInstances;
    const total = (field: keyof typeof counted) =>
      summary.accounts.flatMap((a) => a.regions).reduce((n, r) => n + r[field], 0);
    expect(counted).toEqual({
      instances: total("instances"),
      hosts: total("hosts"),
      reservedInstances: total("reservedInstances"),
      dbInstances: total("dbInstances") - denied,
    });
  });

  it("the one denied cell throws AccessDenied, classified as denied; nothing else fails", () => {
    const failed = [...outcomes.entries()].filter(([, o]) => "error" in o).map(([k]) => k);
    expect(failed).toEqual([key(DENIED.account, DENIED.region, "rds-db-instance")]);
    const { error } = outcomes.get(failed[0]) as { error: unknown };
    expect((error as Error).name).toBe("AccessDenied");
    const info = classifyAwsError(error, { action: RESOURCES["rds-db-instance"].aws.read, region: DENIED.region });
    expect(info).toMatchObject({ status: "denied", errorCode: "AccessDenied", action: "rds:DescribeDBInstances" });
  });

  it("pages DescribeInstances by the page size asked, and reports the requests of each page", () => {
    for (const { accountId, region } of cells) {
      const { rows, pages, requests } = ok(accountId, region, "ec2-instance");
      if (rows.length === 0) continue;
      expect(pages, `${accountId} ${region}`).toBe(Math.ceil(rows.length / PAGE_SIZE));
      // DescribeInstances, plus DescribeImages whenever the page brought AMIs not seen before.
      expect(requests.every((n) => n >= 1)).toBe(true);
      expect(requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(pages);
    }
  });

  it("instances carry the world's licence fields, CPU topology and AMI details", () => {
    let windowsByol = 0;
    for (const { accountId, region } of cells) {
      const store = demo.sim.world.region(accountId, region)!;
      const rows = ok(accountId, region, "ec2-instance").rows;
      expect(rows.map((r) => r.instanceId).sort()).toEqual(store.instances.map((i) => i.InstanceId).sort());
      for (const row of rows) {
        const world = store.instances.find((i) => i.InstanceId === row.instanceId)!;
        const image = store.image(world.ImageId)!;
        expect(row).toMatchObject({
          ownerId: accountId,
          instanceType: world.InstanceType,
          state: world.State.Name,
          usageOperation: world.UsageOperation,
          platformDetails: world.PlatformDetails,
          vcpus: world.CpuOptions.CoreCount * world.CpuOptions.ThreadsPerCore,
          tenancy: world.Placement.Tenancy,
          hostId: world.Placement.HostId ?? null,
          // Instances AWS answers without CpuOptions get their type's defaults from DescribeInstanceTypes.
          vcpuSource: world.OmitCpuOptions ? "instance-types" : "cpu-options",
          lifecycle: world.InstanceLifecycle ?? "on-demand",
          name: world.Tags.find((t) => t.Key === "Name")!.Value,
          imageName: image.Name,
          imageOwnerId: image.OwnerId,
          licenseConfigurationArns: (world.Licenses ?? []).map((l) => l.LicenseConfigurationArn),
        });
        if (world.UsageOperation === "RunInstances:0800") {
          windowsByol++;
          expect(row).toMatchObject({ licensedProduct: "Windows", licenceModel: "byol", platform: "windows" });
          expect(row.licenseConfigurationArns).toHaveLength(1);
        }
      }
    }
    expect(windowsByol).toBe(
      cells.reduce(
        (n, { accountId, region }) =>
          n +
          demo.sim.world.region(accountId, region)!.instances.filter((i) => i.UsageOperation === "RunInstances:0800")
            .length,
        0,
      ),
    );
  });

  it("counts instances by UsageOperation as docs/simulator.md lists them", () => {
    const byOperation: Record<string, number> = {};
    for (const { accountId, region } of cells)
      for (const row of ok(accountId, region, "ec2-instance").rows)
        byOperation[row.usageOperation!] = (byOperation[row.usageOperation!] ?? 0) + 1;
    const inWorld: Record<string, number> = {};
    for (const { accountId, region } of cells)
      for (const i of demo.sim.world.region(accountId, region)!.instances)
        inWorld[i.UsageOperation] = (inWorld[i.UsageOperation] ?? 0) + 1;
    expect(byOperation).toEqual(inWorld);
    expect(Object.keys(byOperation).sort()).toEqual([
      "RunInstances",
      "RunInstances:0002",
      "RunInstances:0006",
      "RunInstances:0010",
      "RunInstances:00g0",
      "RunInstances:0102",
      "RunInstances:0202",
      "RunInstances:0800",
    ]);
  });

  it("caches each AMI once per account and region, and every demo AMI has a name", () => {
    let distinct = 0;
    for (const { accountId, region } of cells)
      distinct += new Set(ok(accountId, region, "ec2-instance").rows.map((r) => r.imageId)).size;
    expect(images.size).toBe(distinct);
    for (const { accountId, region } of cells)
      for (const row of ok(accountId, region, "ec2-instance").rows) expect(row.imageName).toBeTruthy();
  });

  it("hosts: sockets, cores, vCPUs and the instances placed on them", () => {
    let hosts = 0;
    for (const { accountId, region } of cells) {
      const store = demo.sim.world.region(accountId, region)!;
      for (const row of ok(accountId, region, "dedicated-host").rows) {
        hosts++;
        const world = store.hosts.find((h) => h.HostId === row.hostId)!;
        expect(row).toMatchObject({
          ownerId: accountId,
          state: world.State,
          sockets: world.HostProperties.Sockets,
          cores: world.HostProperties.Cores,
          totalVcpus: world.HostProperties.TotalVCpus,
        });
        expect(row.instances.map((i) => i.instanceId)).toEqual(
          store
            .instancesOnHost(world.HostId)
            .map((i) => i.InstanceId)
            .sort(),
        );
        expect(row.sockets).toBe(2);
      }
    }
    expect(hosts).toBe(
      cells.reduce((n, { accountId, region }) => n + demo.sim.world.region(accountId, region)!.hosts.length, 0),
    );
  });

  it("reserved instances and RDS DB instances match the world, vCPUs from ProcessorFeatures or the class", () => {
    let oracleSe2Byol = 0;
    for (const { accountId, region } of cells) {
      const store = demo.sim.world.region(accountId, region)!;
      const ris = ok(accountId, region, "reserved-instance").rows;
      expect(ris.map((r) => [r.reservedInstancesId, r.instanceCount, r.state, r.end])).toEqual(
        store.reservedInstances.map((r) => [
          r.ReservedInstancesId,
          r.InstanceCount,
          r.State,
          new Date(r.End).toISOString(),
        ]),
      );
      if (accountId === DENIED.account && region === DENIED.region) continue;
      for (const row of ok(accountId, region, "rds-db-instance").rows) {
        const world = store.dbInstances.find((d) => d.DBInstanceIdentifier === row.dbInstanceIdentifier)!;
        const feature = (name: string) => world.ProcessorFeatures?.find((f) => f.Name === name)?.Value;
        const vcpus = world.ProcessorFeatures
          ? Number(feature("coreCount")) * Number(feature("threadsPerCore"))
          : dbClassVcpus(world.DBInstanceClass);
        expect(row).toMatchObject({
          engine: world.Engine,
          licenseModel: world.LicenseModel,
          dbInstanceClass: world.DBInstanceClass,
          multiAz: world.MultiAZ,
          vcpus,
        });
        if (world.Engine === "oracle-se2" && world.LicenseModel === "bring-your-own-license") {
          oracleSe2Byol++;
          expect(row.licenceModel).toBe("byol");
        }
      }
    }
    expect(oracleSe2Byol).toBeGreaterThan(0);
  });

  it("knows the default topology of every instance type and DB class the simulator generates", () => {
    for (const t of INSTANCE_TYPES)
      expect(instanceTypeFacts(t.type), t.type).toEqual({
        vcpus: t.cores * t.threadsPerCore,
        cores: t.cores,
        threadsPerCore: t.threadsPerCore,
      });
    for (const cls of new Set(ENGINES.flatMap((e) => e.classes)))
      expect(dbInstanceClassFacts(cls)?.vcpus, cls).toBe(dbClassVcpus(cls));
  });

  it("an aborted signal stops the fetch before any call", async () => {
    const controller = new AbortController();
    controller.abort();
    const pages = fetchScope(
      { session, accountId: "222222222222", region: "us-east-1", images, signal: controller.signal },
      "ec2-instance",
    );
    await expect(pages.next()).rejects.toMatchObject({ name: "AbortError" });
  });
});
