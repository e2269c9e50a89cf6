import { afterEach, describe, expect, it } from "vitest";
import { collectConnection, getRunDetail, listRuns } from "@/lib/collector";
import { RESOURCES } from "@/lib/resources/registry";
import { createConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import { DEMO_RDS_DENIED } from "@/simulator/src/index";
import {
  demoConnection,
  resetInventory,
  storedCounts,
  type CollectorFixture,
  type SimSummary,
} from "./collector-fixtures";
import { SOFTWARE_TYPES, SSM_DENIED } from "./support/software-scopes";
import { expectTallyToMatchRows } from "../support/instance-tally";

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

const denied = DEMO_RDS_DENIED.aws;

describe("collecting the demo organization", () => {
  it("stores exactly what the world holds, across accounts, regions and types, paging beyond one page", async () => {
    fixture = await demoConnection();
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" }, { pageSize: 5 });
    // One member role lacks rds:DescribeDBInstances in one region, another ssm:GetInventory in
    // one region: those scopes fail (the SSM ones are collector-software.test.ts's), the rest succeed.
    expect(result.status).toBe("partial");
    const summary = (await fixture.control("summary")) as SimSummary;
    const stored = await storedCounts(fixture.connectionId);
    for (const account of summary.accounts) {
      for (const region of account.regions.filter((candidate) => candidate.optIn !== "not-opted-in")) {
        const key = `${account.id}|${region.name}`;
        expect(stored.instances.get(key) ?? 0, key).toBe(region.instances);
        expect(stored.hosts.get(key) ?? 0, key).toBe(region.hosts);
        expect(stored.reservedInstances.get(key) ?? 0, key).toBe(region.reservedInstances);
        const deniedHere = account.id === denied.account && region.name === denied.region;
        expect(stored.dbInstances.get(key) ?? 0, key).toBe(deniedHere ? 0 : region.dbInstances);
      }
    }
    const run = await getDb().run.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run.scopesFailed).toBe(1 + SOFTWARE_TYPES.length);
    const failed = await getDb().runScope.findFirstOrThrow({
      where: { runId: result.runId, status: "failed", resourceType: "rds-db-instance" },
    });
    expect(failed).toMatchObject({
      accountId: denied.account,
      region: denied.region,
      resourceType: "rds-db-instance",
      errorCode: "AccessDenied",
    });
    expect(failed.message).toContain("rds:DescribeDBInstances");
    // Paging: with pages of 5, some scope needed several pages.
    const scopes = await getDb().runScope.findMany({ where: { runId: result.runId, resourceType: "ec2-instance" } });
    expect(Math.max(...scopes.map((scope) => scope.pages))).toBeGreaterThan(1);
    const aliases = await getDb().account.findMany({ where: { connectionId: fixture.connectionId } });
    expect(aliases.map((account) => account.alias).sort()).toEqual(
      summary.accounts.map((account) => account.alias).sort(),
    );
    const snapshot = await getDb().runSnapshot.findUniqueOrThrow({ where: { runId: result.runId } });
    expect(snapshot.instances).toBe([...stored.instances.values()].reduce((a, b) => a + b, 0));
  });

  it("a partial run says why in one line, for admins and viewers alike; notes on regions not enabled are one per region", async () => {
    fixture = await demoConnection();
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(result.status).toBe("partial");
    const rdsWhy = `1 scope denied: ${RESOURCES["rds-db-instance"].aws.read} in ${denied.account} ${denied.region}`;
    // Admins: the action AWS refused, which for managed nodes is their helper ssm:GetInventory.
    const why = [
      `${SOFTWARE_TYPES.length} scopes denied: ${RESOURCES["installed-software"].aws.read} in ${SSM_DENIED.account} ${SSM_DENIED.region}`,
      rdsWhy,
    ].join("; ");
    for (const redact of [false, true]) {
      const listed = (await listRuns({ redact, connectionId: fixture.connectionId })).runs.find(
        (run) => run.id === result.runId,
      )!;
      const detail = (await getRunDetail(result.runId, { redact }))!.reason;
      expect(detail).toBe(listed.reason);
      if (!redact) expect(listed.reason).toBe(why);
      // Viewers: without AWS's text (redact-run.ts) each scope names its type's own read call, so
      // the two SSM scopes read as two groups; the same failed scopes, the RDS one word for word.
      else {
        expect(listed.reason).toContain(rdsWhy);
        for (const type of SOFTWARE_TYPES.filter((t) => listed.reason!.includes(RESOURCES[t].aws.read)))
          expect(listed.reason).toContain(
            `denied: ${RESOURCES[type].aws.read} in ${SSM_DENIED.account} ${SSM_DENIED.region}`,
          );
        expect(listed.reason).toMatch(/; 1 more failed$/);
      }
    }
    // The denied scope made its one request (AWS refuses at once; denials are not retried).
    const failed = await getDb().runScope.findFirstOrThrow({
      where: { runId: result.runId, status: "failed", resourceType: "rds-db-instance" },
    });
    expect(failed.requests).toBe(1);

    const summary = (await fixture.control("summary")) as SimSummary;
    const notEnabled = new Map<string, string[]>();
    for (const account of summary.accounts) {
      for (const region of account.regions.filter((candidate) => candidate.optIn === "not-opted-in"))
        notEnabled.set(region.name, [...(notEnabled.get(region.name) ?? []), account.id]);
    }
    const { notes } = (await getRunDetail(result.runId))!;
    const regionNotes = notes.filter((note) => note.includes("not enabled"));
    expect(regionNotes).toHaveLength(notEnabled.size);
    for (const [region, accounts] of notEnabled) {
      const note = regionNotes.find((candidate) => candidate.startsWith(`Region ${region} `))!;
      expect(note, region).toContain(`${accounts.length} accounts`);
      for (const account of accounts.slice(0, 5)) expect(note).toContain(account);
    }
  });

  it("a scope that fails after retries records every request it made (reads and the SDK's retries), as AWS counted them", async () => {
    fixture = await demoConnection({ accountMode: "self", regionMode: "list", regions: ["us-east-1"] });
    const api = RESOURCES["rds-db-instance"].aws.read;
    await fixture.control("faults", {
      rules: [{ selector: { api }, fail: { code: "ServiceUnavailable", status: 503 } }],
    });
    await fixture.control("stats/reset", {});
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(result.status).toBe("partial");
    const stats = (await fixture.control("stats")) as { requests: Record<string, number> };
    const answered = stats.requests[api];
    // More than one read of the scope, each with the SDK's retries.
    expect(answered).toBeGreaterThan(2);
    const failed = await getDb().runScope.findFirstOrThrow({ where: { runId: result.runId, status: "failed" } });
    expect(failed).toMatchObject({
      resourceType: "rds-db-instance",
      errorCode: "ServiceUnavailable",
      requests: answered,
    });
    expect(failed.hint).toMatch(new RegExp(`^Read \\d+ times with ${answered} requests`));
    expect((await listRuns({ redact: true, connectionId: fixture.connectionId })).runs[0].reason).toBe(
      `1 scope failed (ServiceUnavailable): ${api} in ${failed.accountId} us-east-1`,
    );
  }, 120_000);

  it("changes nothing on a second run over an unchanged world", async () => {
    fixture = await demoConnection();
    await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    const before = await getDb().changeEvent.count({ where: { connectionId: fixture.connectionId } });
    const rows = await getDb().ec2Instance.findMany({
      where: { connectionId: fixture.connectionId },
      select: { id: true, data: true, firstSeenAt: true },
      orderBy: { id: "asc" },
    });
    const second = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(second.status).toBe("partial");
    expect(await getDb().changeEvent.count({ where: { connectionId: fixture.connectionId } })).toBe(before);
    const after = await getDb().ec2Instance.findMany({
      where: { connectionId: fixture.connectionId },
      select: { id: true, data: true, firstSeenAt: true },
      orderBy: { id: "asc" },
    });
    expect(after).toEqual(rows);
    await expectTallyToMatchRows();
  });

  it("marks a resource removed from the world with removedAt, keeps it, and records a change", async () => {
    fixture = await demoConnection({ accountMode: "self", regionMode: "list", regions: ["us-east-1"] });
    await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    const victim = await getDb().ec2Instance.findFirstOrThrow({
      where: { connectionId: fixture.connectionId, state: "running" },
    });
    await fixture.control("mutate", {
      op: "removeResource",
      type: "instance",
      account: victim.accountId,
      region: victim.region,
      id: victim.instanceId,
    });
    const stopped = await getDb().ec2Instance.findFirstOrThrow({
      where: { connectionId: fixture.connectionId, state: "running", NOT: { id: victim.id } },
    });
    await fixture.control("mutate", {
      op: "setInstanceState",
      account: stopped.accountId,
      region: stopped.region,
      id: stopped.instanceId,
      state: "stopped",
    });
    const result = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(result.status).toBe("succeeded");
    const gone = await getDb().ec2Instance.findUniqueOrThrow({ where: { id: victim.id } });
    expect(gone.removedAt).not.toBeNull();
    const changed = await getDb().changeEvent.findFirstOrThrow({
      where: { runId: result.runId, resourceId: stopped.instanceId },
    });
    expect(changed.kind).toBe("changed");
    expect(JSON.parse(changed.changes!)).toContainEqual({ field: "state", from: "running", to: "stopped" });
    expect(
      await getDb().changeEvent.count({
        where: { runId: result.runId, resourceType: "ec2-instance", resourceId: victim.instanceId, kind: "removed" },
      }),
    ).toBe(1);
    // The Overview's counts moved with them: one instance fewer, one running fewer.
    await expectTallyToMatchRows();
  });

  it("records an overlapping run as skipped", async () => {
    fixture = await demoConnection({ accountMode: "self", regionMode: "list", regions: ["us-east-1"] });
    await fixture.control("faults", { rules: [{ selector: { api: "ec2:DescribeInstances" }, latencyMs: 400 }] });
    const first = collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = await collectConnection({ connectionId: fixture.connectionId, trigger: "manual" });
    expect(second.status).toBe("skipped");
    const skipped = await getDb().run.findUniqueOrThrow({ where: { id: second.runId } });
    expect(skipped.skippedReason).toMatch(/Another run of this connection is in progress/);
    expect((await first).status).toBe("succeeded");
  });

  it("yields the same instances, hosts and RDS through the AWS Config aggregator as through Direct", async () => {
    // Software off: Config records no SSM data, and its denied cell would make Direct partial.
    fixture = await demoConnection({ excludeAccountIds: [denied.account], collectSoftware: false });
    const direct = await collectConnection({ connectionId: fixture.connectionId, trigger: "cli" });
    expect(direct.status).toBe("succeeded");
    // One row per resource whatever the connection: read what Direct stored before Config runs.
    const read = (model: "ec2Instance" | "dedicatedHost" | "dbInstance" | "reservedInstance") =>
      (
        getDb()[model] as unknown as {
          findMany(args: unknown): Promise<{ accountId: string; region: string; data: string }[]>;
        }
      )
        .findMany({ where: { removedAt: null }, select: { accountId: true, region: true, data: true } })
        .then((rows) => rows.map((row) => licenceView(model, row)).sort());
    const models = ["ec2Instance", "dedicatedHost", "dbInstance", "reservedInstance"] as const;
    const viaDirect = await Promise.all(models.map(read));
    await resetInventory();
    const viaConfig = await createConnection(
      {
        ...(await exportedInput(fixture.connectionId)),
        name: `config-${fixture.connectionId}`,
        secretAccessKey: fixture.creds.users[0].secretAccessKey,
        adapter: "config-aggregator",
        aggregatorName: "cirrus-aggregator",
        aggregatorRegion: "us-east-1",
      },
      { actor: null, ip: null },
    );
    const config = await collectConnection({ connectionId: viaConfig.id, trigger: "cli" });
    expect(config.status).toBe("succeeded");
    const run = await getDb().run.findUniqueOrThrow({ where: { id: config.runId } });
    expect(run.notes).toContain("AWS Config does not record them");
    // Software collection is off for this connection: the note names no SSM type.
    for (const type of ["managed-node", "installed-software"] as const)
      expect(run.notes).not.toContain(RESOURCES[type].labels.title);
    for (const [i, model] of models.entries()) expect(await read(model), model).toEqual(viaDirect[i]);
  });
});

async function exportedInput(connectionId: string) {
  const row = await getDb().connection.findUniqueOrThrow({ where: { id: connectionId } });
  return JSON.parse(row.config) as Record<string, unknown>;
}

// The licence-relevant view of a stored row, which both adapters must agree on.
function licenceView(model: string, row: { accountId: string; region: string; data: string }): string {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const fields: Record<string, string[]> = {
    ec2Instance: [
      "instanceId",
      "instanceType",
      "state",
      "vcpus",
      "licensedProduct",
      "licenceModel",
      "tenancy",
      "hostId",
    ],
    dedicatedHost: ["hostId", "state", "sockets", "cores", "totalVcpus", "instanceFamily"],
    dbInstance: ["dbInstanceIdentifier", "engine", "licenceModel", "dbInstanceClass", "vcpus", "multiAz"],
    reservedInstance: ["reservedInstancesId", "instanceType", "instanceCount", "state"],
  };
  return JSON.stringify([row.accountId, row.region, ...fields[model].map((field) => data[field] ?? null)]);
}
