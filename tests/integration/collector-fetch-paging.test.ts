// Paging beyond one page of every paginated API, and AMIs that DescribeImages no longer knows.
// The demo world holds at most 5 DB instances and 3 hosts per region, below RDS's smallest
// MaxRecords (20) and DescribeHosts' (5), so this world caps every page at 2 items (the
// simulator's --page-size), as a large account would page at the APIs' real limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAccounts } from "@/lib/aws/discovery";
import { type AwsSession, createAwsSession } from "@/lib/aws/session";
import { fetchConfigType, fetchScope } from "@/lib/collector/fetch";
import { ImageCache } from "@/lib/resources/ec2-instance/image-cache";
import { resolveImages } from "@/lib/resources/ec2-instance/images";
import type { ResourceType, RowOf } from "@/lib/resources/rows";
import { buildPreset, DEMO_NAMES } from "@/simulator/src/index";
import { type DemoSim, startDemo } from "./aws-fixtures";

const PAGE_CAP = 2;
const ACCOUNT = "333333333333";
const REGION = "us-east-1";
// The AMI deleted from the world below, still referenced by an instance.
let goneImageId = "";

let demo: DemoSim;
let session: AwsSession;

async function drain<T extends ResourceType>(type: T, images = new ImageCache(), accountId = ACCOUNT, region = REGION) {
  const rows: RowOf<T>[] = [];
  const requests: number[] = [];
  for await (const page of fetchScope({ session, accountId, region, images, pageSize: 1000 }, type)) {
    expect(page.rows.length).toBeLessThanOrEqual(PAGE_CAP);
    rows.push(...page.rows);
    requests.push(page.requests);
  }
  return { rows, requests };
}

beforeAll(async () => {
  const spec = buildPreset("demo", { pageSize: PAGE_CAP });
  const region = spec.accounts.find((a) => a.id === ACCOUNT)!.regions.find((r) => r.name === REGION)!;
  // A deregistered golden image: the account's own AMI disappears, its instances stay.
  const golden = region.images!.find(
    (i) => i.OwnerId === ACCOUNT && region.instances!.some((x) => x.ImageId === i.ImageId),
  )!;
  goneImageId = golden.ImageId;
  region.images = region.images!.filter((i) => i.ImageId !== goneImageId);
  demo = await startDemo(spec);
  session = createAwsSession(demo.settings({ externalId: demo.creds.roles[0].externalId }));
  await discoverAccounts(session, {
    mode: "organizations",
    organizationalUnitIds: [],
    memberRoleName: DEMO_NAMES.memberRole,
    excludeAccountIds: [],
  });
});

afterAll(async () => {
  session?.destroy();
  await demo?.sim.close();
});

describe("paging beyond one page", () => {
  it("DescribeInstances, DescribeHosts and DescribeDBInstances follow their tokens to the end", async () => {
    const store = demo.sim.world.region(ACCOUNT, REGION)!;
    // 222222222222 holds three hosts in us-east-1 (one released); 333333333333 four DB instances.
    const hostStore = demo.sim.world.region("222222222222", REGION)!;
    const instances = await drain("ec2-instance");
    const hosts = await drain("dedicated-host", new ImageCache(), "222222222222");
    const dbs = await drain("rds-db-instance");
    expect(instances.rows.map((r) => r.instanceId).sort()).toEqual(store.instances.map((i) => i.InstanceId).sort());
    expect(hosts.rows.map((r) => r.hostId).sort()).toEqual(hostStore.hosts.map((h) => h.HostId).sort());
    expect(dbs.rows.map((r) => r.dbInstanceIdentifier).sort()).toEqual(
      store.dbInstances.map((d) => d.DBInstanceIdentifier).sort(),
    );
    expect(instances.requests.length).toBe(Math.ceil(store.instances.length / PAGE_CAP));
    expect(hosts.requests.length).toBe(Math.ceil(hostStore.hosts.length / PAGE_CAP));
    expect(dbs.requests.length).toBe(Math.ceil(store.dbInstances.length / PAGE_CAP));
    for (const result of [instances, hosts, dbs]) expect(result.requests.length).toBeGreaterThan(1);
  });

  it("SelectAggregateResourceConfig follows NextToken across the organization", async () => {
    const rows = [];
    let pages = 0;
    for await (const page of fetchConfigType(
      {
        session,
        aggregatorName: DEMO_NAMES.aggregator,
        aggregatorRegion: "us-east-1",
        aggregatorAccountId: "111111111111",
      },
      "dedicated-host",
    )) {
      pages++;
      rows.push(...page.rows);
    }
    expect(rows).toHaveLength(11);
    expect(pages).toBe(Math.ceil(11 / PAGE_CAP));
    expect(new Set(rows.map((r) => `${r.accountId}|${r.region}`))).toEqual(
      new Set([
        "222222222222|us-east-1",
        "222222222222|us-west-2",
        "333333333333|us-east-1",
        "333333333333|us-west-2",
        "444444444444|us-east-1",
        "555555555555|us-east-1",
      ]),
    );
  });
});

describe("AMIs DescribeImages no longer shows", () => {
  it("leave the instance's image fields empty and the other AMIs filled, asked once", async () => {
    const images = new ImageCache();
    const { rows } = await drain("ec2-instance", images);
    const orphans = rows.filter((r) => r.imageId === goneImageId);
    expect(orphans.length).toBeGreaterThan(0);
    for (const row of orphans)
      expect(row).toMatchObject({ imageName: null, imageOwnerId: null, imageProductCodes: [] });
    for (const row of rows.filter((r) => r.imageId !== goneImageId)) expect(row.imageName).toBeTruthy();
    expect(images.get(ACCOUNT, REGION, goneImageId)).toBeNull();
    // Known (even as gone): no further call.
    expect(
      await resolveImages(
        { session, accountId: ACCOUNT, region: REGION, images },
        rows.map((r) => r.imageId!),
      ),
    ).toBe(0);
  });

  it("an ID AWS has never heard of is recorded as gone without failing the batch", async () => {
    const images = new ImageCache();
    const store = demo.sim.world.region(ACCOUNT, REGION)!;
    const known = store.images.slice(0, 3).map((i) => i.ImageId);
    const requests = await resolveImages({ session, accountId: ACCOUNT, region: REGION, images }, [
      "ami-0000000000000dead",
      ...known,
      goneImageId,
    ]);
    // One call naming the two missing IDs, then the rest (2 pages at this world's page cap).
    expect(requests).toBe(1 + Math.ceil(known.length / PAGE_CAP));
    expect(images.get(ACCOUNT, REGION, "ami-0000000000000dead")).toBeNull();
    for (const id of known) expect(images.get(ACCOUNT, REGION, id)?.name).toBe(store.image(id)!.Name);
  });
});
