import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { recordSkippedRun } from "@/lib/collector/runs/lifecycle";
import { dueConnections } from "@/lib/collector/schedule/due-connections";
import { getDb } from "@/lib/db";
import { demoConnection, type CollectorFixture } from "./collector-fixtures";

let fixture: CollectorFixture | undefined;
afterEach(async () => {
  await fixture?.sim.close();
  fixture = undefined;
});

const HOUR = 3600_000;

describe("scheduling", () => {
  it("waits for a passing test since the last edit, fires a missed schedule once, then waits for the next time", async () => {
    fixture = await demoConnection({ schedule: "*/30 * * * *" });
    const id = fixture.connectionId;
    const now = new Date();
    const dueIds = async (at = now) => (await dueConnections(at)).map((due) => due.id);
    // Created three hours ago: six occurrences were missed, but it was never tested.
    await getDb().connection.update({
      where: { id },
      data: { createdAt: new Date(now.getTime() - 3 * HOUR), configChangedAt: new Date(now.getTime() - 3 * HOUR) },
    });
    expect(await dueIds()).not.toContain(id);

    await getDb().connection.update({ where: { id }, data: { lastTestPassedAt: new Date(now.getTime() - 2 * HOUR) } });
    // Due for the latest missed half hour: one run, whatever was missed.
    const latestHalfHour = new Date(Math.floor(now.getTime() / (30 * 60_000)) * 30 * 60_000);
    expect((await dueConnections(now)).filter((due) => due.id === id)).toEqual([
      { id, name: expect.any(String), dueAt: latestHalfHour },
    ]);

    // Once a scheduled run exists for now, nothing is due until the next half hour.
    await recordSkippedRun({ connectionId: id, connectionName: "x", trigger: "schedule" }, "test");
    expect(await dueIds()).not.toContain(id);
    expect(await dueIds(new Date(now.getTime() + 31 * 60_000))).toContain(id);

    // Paused: never due.
    await getDb().connection.update({ where: { id }, data: { enabled: false } });
    expect(await dueIds(new Date(now.getTime() + 2 * HOUR))).not.toContain(id);
  });

  it("reports an expired MFA session as the reason a due run is skipped", async () => {
    fixture = await demoConnection({ mfaSerial: "arn:aws:iam::111111111111:mfa/cirrus-mfa" });
    const past = new Date(Date.now() - 3 * HOUR);
    await getDb().connection.update({
      where: { id: fixture.connectionId },
      data: { createdAt: past, configChangedAt: past, lastTestPassedAt: new Date(Date.now() - HOUR) },
    });
    const due = (await dueConnections()).find((candidate) => candidate.id === fixture!.connectionId);
    expect(due?.reason).toBe("MFA session expired: enter a code");
  });
});

describe("npm run collect", () => {
  it("prints a summary table and exits 2 for a partial run, 1 for an unknown connection", async () => {
    fixture = await demoConnection();
    const name = (await getDb().connection.findUniqueOrThrow({ where: { id: fixture.connectionId } })).name;
    const partial = await runCli(["--connection", name]);
    expect(partial.status, partial.stderr).toBe(2);
    expect(partial.stdout).toMatch(new RegExp(`${name}\\s+partial`));
    expect(partial.stdout).toContain("rds-db-instance: AccessDenied");
    expect(partial.stderr).toContain("planned");
    const unknown = await runCli(["--connection", "no such connection"]);
    expect(unknown.status).toBe(1);
  });
});

// Asynchronous on purpose: the simulator runs in this process and must keep answering.
function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", "scripts/collect.ts", ...args], { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}
