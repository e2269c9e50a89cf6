// Instances whose DescribeInstances answer lacks CpuOptions (g5, p4d, hpc7a, mac2 ... in the demo
// world): their vCPUs come from EC2 DescribeInstanceTypes, read once per region per run; with
// that action denied, Cirrus's built-in table fills in where it knows the type, and says so.
import { afterEach, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import type { InstanceRow } from "@/lib/resources/rows";
import { runConnectionTest } from "@/lib/connections/probe";
import { getDb } from "@/lib/db";
import { instanceTypeFacts } from "@/lib/licensing";
import type { Ec2Instance } from "@/simulator/src/index";
import { event } from "./aws-fixtures";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";
import { SOFTWARE_TYPES } from "./support/software-scopes";

const ACTION = "ec2:DescribeInstanceTypes";
const DENY = {
  rules: [
    {
      selector: { api: ACTION },
      fail: {
        code: "UnauthorizedOperation",
        status: 403,
        message: "You are not authorized to perform this operation.",
      },
    },
  ],
};

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

// The world's instances that AWS answers without CpuOptions, with where they live.
function withoutCpuOptions(f: CollectorFixture): (Ec2Instance & { accountId: string; region: string })[] {
  const world = f.sim.world;
  return world.spec.accounts.flatMap((account) =>
    account.regions.flatMap((r) =>
      (world.region(account.id, r.name)?.instances ?? [])
        .filter((i) => i.OmitCpuOptions)
        .map((i) => ({ ...i, accountId: account.id, region: r.name })),
    ),
  );
}

// The world's own facts table: what DescribeInstanceTypes documents for a type.
function documentedVcpus(f: CollectorFixture, type: string): number {
  const facts = (f.sim.world.spec.instanceTypes ?? []).find((t) => t.InstanceType === type);
  if (!facts) throw new Error(`the world documents no ${type}`);
  return facts.VCpuInfo.DefaultVCpus;
}

async function storedRows(ids: string[]): Promise<Map<string, InstanceRow>> {
  const rows = await getDb().ec2Instance.findMany({
    where: { instanceId: { in: ids } },
    select: { instanceId: true, data: true },
  });
  return new Map(rows.map((r) => [r.instanceId, JSON.parse(r.data) as InstanceRow]));
}

const typeCalls = async (f: CollectorFixture) =>
  ((await f.control("stats")) as { byApi: Record<string, { requests: number; errors: number }> }).byApi[ACTION] ?? {
    requests: 0,
    errors: 0,
  };

describe("vCPUs of instance types without CpuOptions", () => {
  it("g5.xlarge, p4d.24xlarge, hpc7a.96xlarge and mac2.metal get the vCPUs DescribeInstanceTypes documents, read once per region per run", async () => {
    fixture = await demoConnection();
    const lacking = withoutCpuOptions(fixture);
    expect(lacking.map((i) => i.InstanceType)).toEqual(
      expect.arrayContaining(["g5.xlarge", "p4d.24xlarge", "hpc7a.96xlarge", "mac2.metal"]),
    );
    await fixture.control("stats/reset", {});
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" }, { pageSize: 5 });
    expect(result.status).toBe("partial"); // the demo's denied RDS and SSM Inventory cells, nothing else
    const rows = await storedRows(lacking.map((i) => i.InstanceId));
    for (const instance of lacking) {
      expect(rows.get(instance.InstanceId), instance.InstanceType).toMatchObject({
        vcpus: documentedVcpus(fixture, instance.InstanceType),
        vcpuSource: "instance-types",
      });
    }
    const regions = new Set(lacking.map((i) => i.region));
    expect(regions.size).toBeGreaterThan(1);
    expect(await typeCalls(fixture)).toMatchObject({ requests: regions.size, errors: 0 });
    // Instances that report CpuOptions keep them as their source.
    const reported = await getDb().ec2Instance.findFirstOrThrow({
      where: { instanceId: { notIn: lacking.map((i) => i.InstanceId) } },
      select: { data: true },
    });
    expect(JSON.parse(reported.data)).toMatchObject({ vcpuSource: "cpu-options" });

    // A second run reads them again, once per region: the cache lives for one run.
    await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect((await typeCalls(fixture)).requests).toBe(2 * regions.size);
  });

  it("with DescribeInstanceTypes denied, the built-in table fills in where it knows the type, says so, and the scope still succeeds", async () => {
    fixture = await demoConnection();
    await fixture.control("faults", DENY);
    const lacking = withoutCpuOptions(fixture);
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(result.status).toBe("partial");
    const rows = await storedRows(lacking.map((i) => i.InstanceId));
    const known = lacking.filter((i) => instanceTypeFacts(i.InstanceType));
    const unknown = lacking.filter((i) => !instanceTypeFacts(i.InstanceType));
    expect(known.length).toBeGreaterThan(0);
    expect(unknown.map((i) => i.InstanceType)).toEqual(
      expect.arrayContaining(["g5.xlarge", "p4d.24xlarge", "mac2.metal"]),
    );
    for (const instance of known) {
      // The built-in figure, which for these defaults is also what the instance runs with.
      expect(rows.get(instance.InstanceId), instance.InstanceType).toMatchObject({
        vcpus: instance.CpuOptions.CoreCount * instance.CpuOptions.ThreadsPerCore,
        vcpuSource: "built-in",
      });
    }
    for (const instance of unknown)
      expect(rows.get(instance.InstanceId), instance.InstanceType).toMatchObject({ vcpus: null, vcpuSource: null });
    const scopes = await getDb().runScope.findMany({
      where: { runId: result.runId, resourceType: "ec2-instance" },
      select: { accountId: true, region: true, status: true },
    });
    for (const cell of new Set(lacking.map((i) => `${i.accountId}|${i.region}`))) {
      expect(scopes.find((s) => `${s.accountId}|${s.region}` === cell)?.status, cell).toBe("succeeded");
    }
    const run = await getDb().run.findUniqueOrThrow({ where: { id: result.runId } });
    // Still only the demo's denied cells: RDS, and the SSM scopes where ssm:GetInventory is denied.
    expect(run.scopesFailed).toBe(1 + SOFTWARE_TYPES.length);
    // Asked once per account + region, then not again after the denial.
    expect((await typeCalls(fixture)).requests).toBe(new Set(lacking.map((i) => `${i.accountId}|${i.region}`)).size);
  });

  it("Test Connection checks ec2:DescribeInstanceTypes in each region, and reports it denied", async () => {
    fixture = await demoConnection();
    const [instance] = withoutCpuOptions(fixture);
    const role = fixture.role(instance.accountId);
    const settings = fixture.settings({
      accounts: { mode: "role-arns", roleArns: [role.arn] },
      externalId: role.externalId,
      regions: { mode: "list", regions: [instance.region] },
    });
    const id = `api:${instance.accountId}:${instance.region}:${ACTION}`;
    expect(event(await runConnectionTest(settings), id)).toMatchObject({ status: "ok", action: ACTION });
    await fixture.control("faults", DENY);
    expect(event(await runConnectionTest(settings), id)).toMatchObject({ status: "denied", action: ACTION });
  });
});
