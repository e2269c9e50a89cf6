// The CLI as scripts use it: one stdout line once listening, --credentials-out, and the large
// scale world ready within 10 s.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = resolve("simulator/src/cli.ts");

async function startCli(args: string[]) {
  // Node with tsx as a loader, not the tsx wrapper: the wrapper relays SIGTERM and SIGKILLs a child
  // that does not acknowledge it within 30 ms, which a busy machine turns into a random exit 143.
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      const m = /^Simulator listening on (http:\/\/\S+)\n/.exec(stdout);
      if (m) resolvePromise(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}: ${stderr}`)));
  });
  const stop = () => new Promise<number | null>((r) => (child.once("exit", (code) => r(code)), child.kill("SIGTERM")));
  return { url, stop, stdout: () => stdout };
}

describe("cli", () => {
  it("starts the scale world of 50 accounts × 16 regions × 200 instances and serves its summary", async () => {
    const sim = await startCli([
      "--world",
      "scale",
      "--accounts",
      "50",
      "--regions",
      "16",
      "--instances-per-region",
      "200",
      "--port",
      "0",
    ]);
    try {
      const summary = (await (await fetch(`${sim.url}/_sim/summary`)).json()) as {
        accounts: { regions: { instances: number }[] }[];
      };
      expect(summary.accounts).toHaveLength(50);
      expect(summary.accounts.flatMap((a) => a.regions).reduce((s, r) => s + r.instances, 0)).toBe(160_000);
    } finally {
      expect(await sim.stop()).toBe(0);
    }
  });

  it("prints exactly one stdout line and writes the credentials file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sim-cli-")), "creds.json");
    const sim = await startCli(["--world", "demo", "--port", "0", "--credentials-out", file]);
    try {
      const creds = JSON.parse(readFileSync(file, "utf8")) as {
        endpoint: string;
        users: { name: string; arn: string; accessKeyId: string; secretAccessKey: string }[];
        roles: { arn: string; externalId: string }[];
      };
      expect(creds.endpoint).toBe(sim.url);
      expect(creds.users[0]).toMatchObject({
        name: "cirrus-collector",
        arn: "arn:aws:iam::111111111111:user/cirrus-collector",
      });
      expect(creds.users[0].accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(creds.roles.map((r) => r.arn)).toEqual(
        ["222222222222", "333333333333", "444444444444", "555555555555"].map(
          (a) => `arn:aws:iam::${a}:role/CirrusInventoryRole`,
        ),
      );
      expect(creds.roles.every((r) => r.externalId.length >= 32)).toBe(true);
      expect((await fetch(`${sim.url}/_sim/health`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
    expect(sim.stdout().split("\n").filter(Boolean)).toHaveLength(1);
  });
});
