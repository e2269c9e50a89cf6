// Issue 12 item 2: a connection tested in the wizard (before it exists, or with unsaved edits)
// is scheduled as soon as exactly those settings are saved; any field that reaches AWS changed
// after the test means the schedule waits for a new one.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConnectionDetail } from "@/lib/connections/read-connections";
import { createConnection, updateConnection } from "@/lib/connections/save-connection";
import { nextRunAt } from "@/lib/connections/schedule";
import { testConnection } from "@/lib/connections/test-connection";
import { getDb } from "@/lib/db";
import { DEMO_NAMES } from "@/simulator/src/index";
import { type DemoSim, startDemo } from "./aws-fixtures";

const context = { actor: null, ip: null };
let demo: DemoSim;

beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.sim.close();
});

// The wizard's form for the simulator's collector user: this account, one region.
function wizardInput(overrides: Record<string, unknown> = {}) {
  const collector = demo.user(DEMO_NAMES.collectorUser);
  return {
    name: `wizard-${crypto.randomBytes(4).toString("hex")}`,
    credentialSource: "access-key",
    accessKeyId: collector.accessKeyId,
    secretAccessKey: collector.secretAccessKey,
    externalId: "cirrus-external-id-0123456789",
    accountMode: "self",
    regionMode: "list",
    regions: ["us-east-1"],
    endpointUrl: demo.url,
    schedule: "*/30 * * * *",
    ...overrides,
  };
}

async function testInWizard(input: Record<string, unknown>, connectionId?: string) {
  const result = await testConnection({ connectionId, input }, null, null, () => {});
  // The demo world lets the collector user read its own account: this test passes.
  expect(result.outcome).not.toBe("failed");
  expect(result.recorded).toBe(false);
  return result;
}

describe("a connection tested in the wizard", () => {
  it("is scheduled right after saving the tested settings, with the test's result and the next run time", async () => {
    const input = wizardInput();
    const tested = await testInWizard(input);
    const before = new Date();
    const { id } = await createConnection(input, context);

    const detail = await getConnectionDetail(id);
    expect(detail.schedulable).toBe(true);
    expect(detail.scheduleState).toBe("active");
    expect(detail.attention).toBeNull();
    expect(detail.lastTestOutcome).toBe(tested.outcome);
    expect((detail.lastTestReport as { outcome: string }).outcome).toBe(tested.outcome);
    expect(new Date(detail.lastTestAt!).getTime()).toBeLessThanOrEqual(before.getTime());
    const next = new Date(detail.nextRunAt!);
    expect(next.getTime()).toBe(nextRunAt(input.schedule, new Date(next.getTime() - 1))!.getTime());
    expect(next.getTime()).toBeGreaterThan(before.getTime());
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "connection.created", targetId: id } });
    expect(JSON.parse(audit.details!).keptTest).toBe(tested.outcome);
  });

  it.each([
    ["a region", { regions: ["us-east-1", "eu-west-1"] }],
    ["the secret access key", { secretAccessKey: "another-secret-typed-after-the-test" }],
    ["the role session name", { roleSessionName: "cirrus-other" }],
    ["the endpoint", { endpointUrl: "http://127.0.0.1:9" }],
  ])("is not scheduled when %s changed after the test", async (_label, change) => {
    const input = wizardInput();
    await testInWizard(input);
    const { id } = await createConnection({ ...input, ...change }, context);

    const detail = await getConnectionDetail(id);
    expect(detail.schedulable).toBe(false);
    expect(detail.scheduleState).toBe("waiting");
    expect(detail.nextRunAt).toBeNull();
    expect(detail.lastTestAt).toBeNull();
    expect(detail.attention).toContain("Not tested since the last edit");
  });

  it("keeps the result once: saving the same settings again later needs a new test", async () => {
    const input = wizardInput();
    await testInWizard(input);
    const first = await createConnection(input, context);
    const second = await createConnection({ ...input, name: `${input.name}-copy` }, context);
    expect((await getConnectionDetail(first.id)).schedulable).toBe(true);
    expect((await getConnectionDetail(second.id)).schedulable).toBe(false);
  });

  it("is not scheduled on a failed test, whose result is still shown", async () => {
    const input = wizardInput({ secretAccessKey: "wrong-secret-for-the-collector" });
    const result = await testConnection({ input }, null, null, () => {});
    expect(result.outcome).toBe("failed");
    const { id } = await createConnection(input, context);
    const detail = await getConnectionDetail(id);
    expect(detail.schedulable).toBe(false);
    expect(detail.lastTestOutcome).toBe("failed");
  });
});

describe("an edit tested before saving", () => {
  it("schedules the edited connection when the tested edit is saved; the stored secret counts as typed", async () => {
    const input = wizardInput();
    const { id } = await createConnection(input, context);
    expect((await getConnectionDetail(id)).scheduleState).toBe("waiting");

    // The edit form sends stored secrets blank: the test and the save both use the stored one.
    const edited = { ...input, secretAccessKey: "", regions: ["us-east-1", "us-west-2"] };
    await testInWizard(edited, id);
    await updateConnection(id, edited, context);
    const detail = await getConnectionDetail(id);
    expect(detail.schedulable).toBe(true);
    expect(detail.config.regions).toEqual(["us-east-1", "us-west-2"]);
  });

  it("a schedule changed after the test keeps it (the schedule is not sent to AWS); a changed region does not", async () => {
    const input = wizardInput();
    const { id } = await createConnection(input, context);
    const edited = { ...input, secretAccessKey: "", regions: ["us-west-2"] };
    await testInWizard(edited, id);
    await updateConnection(id, { ...edited, schedule: "0 * * * *" }, context);
    expect((await getConnectionDetail(id)).scheduleState).toBe("active");

    const again = { ...edited, schedule: "0 * * * *", regions: ["eu-west-1"] };
    await testInWizard(again, id);
    await updateConnection(id, { ...again, regions: ["us-east-1"] }, context);
    const detail = await getConnectionDetail(id);
    expect(detail.scheduleState).toBe("waiting");
    expect(detail.attention).toContain("Not tested since the last edit");
  });
});
