// The AWS Config aggregator adapter yields the same instances, hosts and RDS DB instances as the
// Direct adapter, across every account and region of the demo organization.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAccounts } from "@/lib/aws/discovery";
import { type AwsSession, createAwsSession } from "@/lib/aws/session";
import { CONFIG_TYPES, configExpression, fetchConfigType, fetchScope } from "@/lib/collector/fetch";
import { ImageCache } from "@/lib/resources/ec2-instance/image-cache";
import { fillImageDetails } from "@/lib/resources/ec2-instance/images";
import { fillInstanceTypeFacts, InstanceTypeCache } from "@/lib/resources/ec2-instance/instance-types";
import { resource } from "@/lib/resources/registry";
import type { InstanceRow, ResourceType, RowOf } from "@/lib/resources/rows";
import { DEMO_NAMES, DEMO_RDS_DENIED } from "@/simulator/src/index";
import { type DemoSim, startDemo } from "./aws-fixtures";

const TYPES = CONFIG_TYPES;
const DENIED = DEMO_RDS_DENIED.aws;
const LIMIT = 40;

// AMI details are not in Config (fillImageDetails adds them), and raw keeps each source's own JSON.
function comparable(row: object): object {
  const copy: Record<string, unknown> = { ...row };
  for (const field of ["raw", "imageName", "imageOwnerId", "imageProductCodes"]) delete copy[field];
  return copy;
}

let demo: DemoSim;
let session: AwsSession;
const cells: { accountId: string; region: string }[] = [];
const direct = new Map<string, object[]>();
const config = new Map<string, object[]>();
const configPages: Record<string, number> = {};
const images = new ImageCache();
const key = (accountId: string, region: string, type: ResourceType) => `${accountId}|${region}|${type}`;

beforeAll(async () => {
  demo = await startDemo();
  session = createAwsSession(demo.settings({ externalId: demo.creds.roles[0].externalId }));
  await discoverAccounts(session, {
    mode: "organizations",
    organizationalUnitIds: [],
    memberRoleName: DEMO_NAMES.memberRole,
    excludeAccountIds: [],
  });
  for (const account of demo.sim.world.spec.accounts)
    for (const r of account.regions)
      if (r.optIn !== "not-opted-in") cells.push({ accountId: account.id, region: r.name });

  const readDirect = async (accountId: string, region: string, type: ResourceType) => {
    if (type === "rds-db-instance" && accountId === DENIED.account && region === DENIED.region) return;
    const rows: object[] = [];
    for await (const page of fetchScope({ session, accountId, region, images }, type)) rows.push(...page.rows);
    direct.set(key(accountId, region, type), rows);
  };
  const readConfig = async (type: ResourceType) => {
    configPages[type] = 0;
    for await (const page of fetchConfigType(
      {
        session,
        aggregatorName: DEMO_NAMES.aggregator,
        aggregatorRegion: "us-east-1",
        aggregatorAccountId: "111111111111",
        limit: LIMIT,
      },
      type,
    )) {
      configPages[type]++;
      expect(page.requests).toBeGreaterThanOrEqual(1);
      for (const { accountId, region, row } of page.rows) {
        const k = key(accountId, region, type);
        config.set(k, [...(config.get(k) ?? []), row]);
      }
    }
  };
  await Promise.all([
    ...cells.flatMap(({ accountId, region }) => TYPES.map((type) => readDirect(accountId, region, type))),
    ...TYPES.map(readConfig),
  ]);
  // As the Config run does: items without cpuOptions get their type's defaults from DescribeInstanceTypes.
  const instanceTypes = new InstanceTypeCache();
  for (const { accountId, region } of cells) {
    const k = key(accountId, region, "ec2-instance");
    if (config.has(k))
      config.set(
        k,
        (await fillInstanceTypeFacts({ session, accountId, region }, instanceTypes, config.get(k) as InstanceRow[]))
          .rows,
      );
  }
});

afterAll(async () => {
  session?.destroy();
  await demo?.sim.close();
});

describe("Config aggregator adapter", () => {
  it("queries one type at a time with the whole configuration", () => {
    expect(configExpression("rds-db-instance")).toBe(
      "SELECT accountId, awsRegion, resourceId, resourceName, availabilityZone, configurationItemStatus, tags, configuration WHERE resourceType = 'AWS::RDS::DBInstance'",
    );
  });

  it("pages through the aggregator (40 results a page)", () => {
    const instances = cells.reduce(
      (n, { accountId, region }) => n + demo.sim.world.region(accountId, region)!.instances.length,
      0,
    );
    expect(configPages).toEqual({
      "ec2-instance": Math.ceil(instances / LIMIT),
      "dedicated-host": 1,
      "rds-db-instance": 1,
    });
  });

  it("yields exactly the Direct adapter's rows, id for id and field for field, in every account and region", () => {
    let compared = 0;
    for (const { accountId, region } of cells) {
      for (const type of TYPES) {
        const k = key(accountId, region, type);
        if (!direct.has(k)) continue;
        const id = resource(type).store.idOf as (row: object) => string;
        const byId = (rows: object[] = []) => new Map(rows.map((r) => [id(r), comparable(r)]));
        const fromDirect = byId(direct.get(k));
        const fromConfig = byId(config.get(k));
        expect([...fromConfig.keys()].sort(), k).toEqual([...fromDirect.keys()].sort());
        for (const [rowId, row] of fromDirect) expect(fromConfig.get(rowId), `${k} ${rowId}`).toEqual(row);
        compared += fromDirect.size;
      }
    }
    expect(compared).toBeGreaterThan(300);
    // Config knows of no resource outside the accounts' enabled regions.
    const cellKeys = new Set(cells.flatMap(({ accountId, region }) => TYPES.map((t) => key(accountId, region, t))));
    expect([...config.keys()].filter((k) => !cellKeys.has(k))).toEqual([]);
  });

  it("also records the DB instances of the cell whose role may not call rds:DescribeDBInstances", () => {
    const k = key(DENIED.account, DENIED.region, "rds-db-instance");
    const rows = (config.get(k) ?? []) as RowOf<"rds-db-instance">[];
    const world = demo.sim.world.region(DENIED.account, DENIED.region)!.dbInstances;
    expect(rows.map((r) => r.dbInstanceIdentifier).sort()).toEqual(world.map((d) => d.DBInstanceIdentifier).sort());
    expect(rows.map((r) => r.dbiResourceId).sort()).toEqual(world.map((d) => d.DbiResourceId).sort());
  });

  it("licence-relevant fields agree in total: vCPUs and licence models", () => {
    type Licensed = { vcpus: number | null; licenceModel: string };
    // Direct could not read the denied cell's DB instances: leave them out of Config's side too.
    const deniedKey = key(DENIED.account, DENIED.region, "rds-db-instance");
    const rowsOf = (source: Map<string, object[]>, type: ResourceType) =>
      [...source.entries()]
        .filter(([k]) => k.endsWith(`|${type}`) && k !== deniedKey)
        .flatMap(([, rows]) => rows as Licensed[]);
    const vcpusByModel = (rows: Licensed[]) =>
      rows.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.licenceModel]: (acc[r.licenceModel] ?? 0) + (r.vcpus ?? 0) }),
        {},
      );
    for (const type of ["ec2-instance", "rds-db-instance"] as const) {
      expect(rowsOf(config, type).length).toBe(rowsOf(direct, type).length);
      expect(vcpusByModel(rowsOf(config, type))).toEqual(vcpusByModel(rowsOf(direct, type)));
    }
    expect(rowsOf(direct, "ec2-instance")).toHaveLength(
      cells.reduce((n, { accountId, region }) => n + demo.sim.world.region(accountId, region)!.instances.length, 0),
    );
  });

  it("fillImageDetails adds the AMI details Config lacks, the same as Direct", async () => {
    const { accountId, region } = { accountId: "444444444444", region: "us-west-2" };
    const fromConfig = config.get(key(accountId, region, "ec2-instance")) as InstanceRow[];
    expect(fromConfig.every((r) => r.imageName === null)).toBe(true);
    const { rows, requests } = await fillImageDetails(
      { session, accountId, region, images: new ImageCache() },
      fromConfig,
    );
    expect(requests).toBe(1);
    const fromDirect = new Map(
      (direct.get(key(accountId, region, "ec2-instance")) as InstanceRow[]).map((r) => [r.instanceId, r]),
    );
    for (const row of rows)
      expect([row.imageName, row.imageOwnerId, row.imageProductCodes]).toEqual([
        fromDirect.get(row.instanceId)!.imageName,
        fromDirect.get(row.instanceId)!.imageOwnerId,
        fromDirect.get(row.instanceId)!.imageProductCodes,
      ]);
  });
});
