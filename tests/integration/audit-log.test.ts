import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportGet } from "@/app/api/audit-log/export/route";
import { createApiToken } from "@/lib/api-tokens";
import { AUDIT, AUDIT_CSV_HEADER, listAuditEvents, type AuditFilter } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { createUser, createUserSchema } from "@/lib/users";
import { parseCsv } from "../support/parse-csv";

const marker = crypto.randomBytes(4).toString("hex");
const alice = `alice-${marker}@example.test`;
const bob = `bob-${marker}@example.test`;
// A failed sign-in's typed name is attacker-chosen: the CSV must not hand it to a spreadsheet as a formula.
const FORMULA_TARGET = `=HYPERLINK("http://evil.test","${marker}")`;

// Seeded in 2001, a year no other test writes, so date filters see only these.
type Seed = {
  at: string;
  action: string;
  actor: string | null;
  target: string;
  ip: string;
  details?: Record<string, unknown>;
};
const SEEDS: Seed[] = [
  { at: "2001-03-01T08:00:00.000Z", action: AUDIT.signIn, actor: alice, target: alice, ip: "10.1.0.1" },
  {
    at: "2001-03-01T23:59:59.000Z",
    action: AUDIT.userCreated,
    actor: alice,
    target: `new-${marker}@example.test`,
    ip: "10.1.0.1",
    details: { role: "viewer", note: `Quarterly Review ${marker}` },
  },
  { at: "2001-03-02T12:00:00.000Z", action: AUDIT.signInFailed, actor: null, target: FORMULA_TARGET, ip: "10.9.9.9" },
  { at: "2001-03-03T00:00:00.000Z", action: AUDIT.signIn, actor: bob, target: bob, ip: "10.2.0.2" },
  {
    at: "2001-03-04T10:00:00.000Z",
    action: AUDIT.coverageScopeExcluded,
    actor: bob,
    target: `conn-${marker}`,
    ip: "10.2.0.2",
    details: { reason: `SCP denies RDS ${marker}` },
  },
];

let adminToken: string;
let viewerToken: string;
beforeAll(async () => {
  for (const seed of SEEDS) {
    await getDb().auditEvent.create({
      data: {
        createdAt: new Date(seed.at),
        action: seed.action,
        actorEmail: seed.actor,
        target: seed.target,
        ip: seed.ip,
        details: seed.details ? JSON.stringify(seed.details) : null,
      },
    });
  }
  const admin = await createUser(
    createUserSchema.parse({
      email: `admin-${marker}@example.test`,
      role: "admin",
      password: "correct horse battery staple 42",
    }),
    null,
  );
  const actor = { id: admin.id, email: admin.email };
  adminToken = (await createApiToken({ name: `audit-admin-${marker}`, role: "admin" }, actor)).token;
  viewerToken = (await createApiToken({ name: `audit-viewer-${marker}`, role: "viewer" }, actor)).token;
});

// What a filter should keep, decided from the seeds (not from the code under test).
function expected(keep: (seed: Seed) => boolean): Seed[] {
  return SEEDS.filter(keep).sort((a, b) => b.at.localeCompare(a.at));
}
const ours = (filter: AuditFilter) => ({ ...filter, from: filter.from ?? "2001-01-01", to: filter.to ?? "2001-12-31" });
async function targetsFor(filter: AuditFilter): Promise<string[]> {
  const { events } = await listAuditEvents({ filter: ours(filter) });
  return events.map((event) => event.target ?? "");
}

describe("audit log filters", () => {
  it("filters by actor, exactly", async () => {
    expect(await targetsFor({ actor: alice })).toEqual(
      expected((seed) => seed.actor === alice).map((seed) => seed.target),
    );
  });

  it("filters by an action, and by an action family ending in a dot", async () => {
    expect(await targetsFor({ action: AUDIT.signIn })).toEqual(
      expected((seed) => seed.action === AUDIT.signIn).map((seed) => seed.target),
    );
    expect(await targetsFor({ action: "auth." })).toEqual(
      expected((seed) => seed.action.startsWith("auth.")).map((seed) => seed.target),
    );
  });

  it("takes a date range in whole UTC days, both ends included", async () => {
    const inRange = expected((seed) => seed.at >= "2001-03-01" && seed.at < "2001-03-03");
    expect(inRange.length).toBeGreaterThan(0);
    expect(await targetsFor({ from: "2001-03-01", to: "2001-03-02" })).toEqual(inRange.map((seed) => seed.target));
  });

  it("searches free text in target, IP and details, ignoring case", async () => {
    expect(await targetsFor({ q: `quarterly review ${marker}`.toUpperCase() })).toEqual([`new-${marker}@example.test`]);
    expect(await targetsFor({ q: "10.9.9" })).toEqual([FORMULA_TARGET]);
    expect(await targetsFor({ q: `scp denies rds ${marker}` })).toEqual([`conn-${marker}`]);
  });

  it("combines filters", async () => {
    expect(await targetsFor({ actor: bob, action: AUDIT.signIn })).toEqual([bob]);
  });
});

describe("audit log CSV export", () => {
  const exportWith = (token: string, query: string) =>
    exportGet(
      new Request(`http://cirrus.test/api/audit-log/export?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );

  it("exports the filtered events as the list shows them, formulas neutralised, and audits the export", async () => {
    const filter = { from: "2001-03-01", to: "2001-03-04" };
    const response = await exportWith(adminToken, new URLSearchParams(filter).toString());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename="cirrus-audit-log-\d{8}-\d{6}\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte order mark that makes Excel read UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(header).toEqual([...AUDIT_CSV_HEADER]);
    const { events } = await listAuditEvents({ filter });
    const column = (name: string) => header.indexOf(name);
    expect(records.map((record) => record[column("id")])).toEqual(events.map((event) => event.id));
    expect(records.map((record) => record[column("time")])).toEqual(events.map((event) => event.createdAt));
    expect(records.map((record) => record[column("actor")])).toEqual(events.map((event) => event.actorEmail ?? ""));
    expect(records.find((record) => record[column("ip")] === "10.9.9.9")![column("target")]).toBe(`'${FORMULA_TARGET}`);
    const withDetails = records.find((record) => record[column("action")] === AUDIT.coverageScopeExcluded)!;
    expect(JSON.parse(withDetails[column("details")])).toEqual(
      SEEDS.find((seed) => seed.action === AUDIT.coverageScopeExcluded)!.details,
    );

    const audit = await getDb().auditEvent.findFirst({
      where: { action: AUDIT.auditLogExported, actorEmail: `token:audit-admin-${marker}` },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(audit!.details!)).toEqual({
      format: "csv",
      ...filter,
      rowCount: records.length,
      completed: true,
    });
  });

  it("is for admins only, and refuses a day that is not one", async () => {
    expect((await exportWith(viewerToken, "")).status).toBe(403);
    expect((await exportWith(adminToken, "from=2001-02-31")).status).toBe(400);
  });
});
