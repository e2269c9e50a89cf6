// Issue 11: what leaves a connection's coverage leaves the live inventory as "out of scope"
// (not "removed in AWS"), with its history kept, unless another connection still sees it.
import { afterEach, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { updateConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import { demoConnection, type CollectorFixture, type SimSummary } from "./collector-fixtures";
import { expectTallyToMatchRows } from "../support/instance-tally";

const noActor = { actor: null, ip: null };

// The connection as its edit form holds it, changed by `patch`, saved through the real service.
async function editConnection(id: string, patch: Record<string, unknown>) {
  const row = await getDb().connection.findUniqueOrThrow({ where: { id } });
  await updateConnection(id, { ...JSON.parse(row.config), name: row.name, ...patch }, noActor);
}
let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

// What the world holds per account and region (enabled regions only), from the simulator.
async function worldInstances(
  f: CollectorFixture,
  accept: (accountId: string, region: string) => boolean,
): Promise<number> {
  const summary = (await f.control("summary")) as SimSummary;
  return summary.accounts
    .flatMap((a) => a.regions.filter((r) => r.optIn !== "not-opted-in" && accept(a.id, r.name)))
    .reduce((n, r) => n + r.instances, 0);
}

const instances = (where: Record<string, unknown>) => getDb().ec2Instance.count({ where });

async function collect(f: CollectorFixture) {
  return collectConnection({ connectionId: f.connectionId, trigger: "cli" });
}

describe("scope exits", () => {
  it("an account suspended in Organizations leaves the live inventory as out of scope, its history kept", async () => {
    fixture = await demoConnection();
    await collect(fixture);
    const summary = (await fixture.control("summary")) as SimSummary;
    const member = summary.accounts
      .filter((a) => a.id !== fixture!.sim.world.spec.organization!.managementAccountId)
      .find((a) => a.regions.some((r) => r.instances > 0))!;
    const held = await worldInstances(fixture, (accountId) => accountId === member.id);
    expect(await instances({ accountId: member.id, removedAt: null })).toBe(held);

    await fixture.control("mutate", { op: "setAccountState", account: member.id, state: "SUSPENDED" });
    const run = await collect(fixture);
    expect(await instances({ accountId: member.id, removedAt: null })).toBe(0);
    expect(await instances({ accountId: member.id, removedReason: "out-of-scope" })).toBe(held);
    expect(await instances({ accountId: member.id, removedReason: "removed" })).toBe(0);
    expect(
      await getDb().changeEvent.count({
        where: { accountId: member.id, resourceType: "ec2-instance", kind: "out-of-scope" },
      }),
    ).toBe(held);
    const notes = JSON.parse(
      (await getDb().run.findUniqueOrThrow({ where: { id: run.runId } })).notes ?? "[]",
    ) as string[];
    expect(notes.join("\n")).toContain(`No longer covered by this connection`);
    // Every other account is untouched.
    expect(await instances({ removedAt: null })).toBe(
      await worldInstances(fixture, (accountId) => accountId !== member.id),
    );
    await expectTallyToMatchRows();
  });

  it("an account moved out of the chosen OU leaves; the accounts still in it stay", async () => {
    fixture = await demoConnection();
    const org = fixture.sim.world.spec.organization!;
    const ou = org.organizationalUnits.find(
      (candidate: { id: string }) =>
        fixture!.sim.world.spec.accounts.filter((a: { parentId?: string }) => a.parentId === candidate.id).length >= 2,
    )!;
    const inOu = fixture.sim.world.spec.accounts.filter((a) => a.parentId === ou.id).map((a) => a.id);
    await editConnection(fixture.connectionId, { organizationalUnitIds: [ou.id] });
    await collect(fixture);
    expect(await instances({ removedAt: null })).toBe(
      await worldInstances(fixture, (accountId) => inOu.includes(accountId)),
    );

    const [moved, ...staying] = inOu;
    const elsewhere = org.organizationalUnits.find((candidate) => candidate.id !== ou.id)?.id ?? org.root.id;
    await fixture.control("mutate", { op: "moveAccount", account: moved, parentId: elsewhere });
    await collect(fixture);
    expect(await instances({ accountId: moved, removedAt: null })).toBe(0);
    expect(await instances({ accountId: moved, removedReason: "out-of-scope" })).toBe(
      await worldInstances(fixture, (accountId) => accountId === moved),
    );
    expect(await instances({ removedAt: null })).toBe(
      await worldInstances(fixture, (accountId) => staying.includes(accountId)),
    );
  });

  it("a region removed from the connection leaves; the scope states there go", async () => {
    fixture = await demoConnection();
    await collect(fixture);
    const summary = (await fixture.control("summary")) as SimSummary;
    const enabled = [
      ...new Set(
        summary.accounts.flatMap((a) => a.regions.filter((r) => r.optIn !== "not-opted-in").map((r) => r.name)),
      ),
    ].sort();
    const dropped = enabled.find((region) =>
      summary.accounts.some((a) => a.regions.some((r) => r.name === region && r.instances > 0)),
    )!;
    await editConnection(fixture.connectionId, {
      regionMode: "list",
      regions: enabled.filter((region) => region !== dropped),
    });
    await collect(fixture);
    expect(await instances({ region: dropped, removedAt: null })).toBe(0);
    expect(await instances({ region: dropped, removedReason: "out-of-scope" })).toBe(
      await worldInstances(fixture, (_, region) => region === dropped),
    );
    expect(await getDb().scopeState.count({ where: { connectionId: fixture.connectionId, region: dropped } })).toBe(0);
    expect(await instances({ removedAt: null })).toBe(await worldInstances(fixture, (_, region) => region !== dropped));
  });

  it("an account that cannot be reached is not an exit: its resources stay, stale", async () => {
    fixture = await demoConnection();
    await collect(fixture);
    const before = await instances({ removedAt: null });
    // Every member role refuses to be assumed (and, with it, DescribeRegions there fails).
    await fixture.control("faults", {
      rules: [
        {
          selector: { api: "sts:AssumeRole" },
          fail: { code: "AccessDenied", status: 403, message: "not authorized to perform: sts:AssumeRole" },
        },
      ],
    });
    await collect(fixture);
    expect(await instances({ removedAt: null })).toBe(before);
    expect(await instances({ removedReason: "out-of-scope" })).toBe(0);
  });
});
