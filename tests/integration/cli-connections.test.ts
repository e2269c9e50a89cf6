// `npm run connections` and `npm run collect` as a user runs them: the real scripts in child
// processes, on this suite's database (DATA_DIR / DATABASE_URL), against the simulator's demo
// world. Expected figures come from the world's layout, not from a previous run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConnectionDetail } from "@/lib/connections/read-connections";
import { createConnection } from "@/lib/connections/save-connection";
import { parseStoredConfig } from "@/lib/connections/schemas";
import { getDb } from "@/lib/db";
import { DEMO_MEMBERS, DEMO_RDS_DENIED, DEMO_REGIONS } from "@/simulator/src/index";
import { startDemo, type DemoSim } from "./aws-fixtures";
import { inventoryCheckLabel } from "@/lib/connections/probe/inventory-calls";
import { SOFTWARE_TYPES, SSM_DENIED } from "./support/software-scopes";

type CliResult = { code: number | null; stdout: string; stderr: string };

// As npm runs it: from the package root, with INIT_CWD set to where the user typed the command.
function runCli(script: string, args: string[], callerDirectory = process.cwd()): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // Without the SDK's switch that this test process sets (aws-fixtures.ts): the scripts set it.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED, ...callerEnv } = process.env;
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", script, ...args], {
      env: { ...callerEnv, INIT_CWD: callerDirectory },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const connections = (args: string[], callerDirectory?: string) =>
  runCli("scripts/connections.ts", args, callerDirectory);

const denied = DEMO_RDS_DENIED.aws;
const ALL_ACCOUNTS = 1 + DEMO_MEMBERS.length;
const ENABLED_REGIONS = DEMO_REGIONS.aws.filter(([, optIn]) => optIn !== "not-opted-in").length;
const suffix = Math.random().toString(36).slice(2, 8);
const ORGANIZATION = `Demo organization ${suffix}`;
// Leaves out both accounts with a denied cell: rds:DescribeDBInstances, ssm:GetInventory.
const WITHOUT_DENIED_ACCOUNTS = [denied.account, SSM_DENIED.account];
const WITHOUT_DENIED_ACCOUNT = `Demo without ${WITHOUT_DENIED_ACCOUNTS.join(" ")} ${suffix}`;
const ssmDeniedLine = `  ${SSM_DENIED.account} ${SSM_DENIED.region}  ${inventoryCheckLabel("ssm:GetInventory")} (ssm:GetInventory): denied`;

let demo: DemoSim;
let callerDirectory: string;

function demoEntry(name: string, extra: Record<string, unknown> = {}) {
  const collector = demo.creds.users[0];
  return {
    name,
    accessKeyId: collector.accessKeyId,
    secretAccessKey: collector.secretAccessKey,
    accountMode: "organizations",
    memberRoleName: "CirrusInventoryRole",
    regionMode: "all-enabled",
    endpointUrl: demo.url,
    ...extra,
  };
}

function expectedDatabaseLine(): string {
  const url = process.env.DATABASE_URL;
  if (!url) return `Database: SQLite file ${path.resolve(process.env.DATA_DIR!, "cirrus.db")}`;
  const parsed = new URL(url);
  return `Database: PostgreSQL ${parsed.protocol}//${parsed.username}${parsed.password ? ":****" : ""}@${parsed.host}${parsed.pathname}`;
}

const connectionByName = (name: string) => getDb().connection.findUniqueOrThrow({ where: { name } });

beforeAll(async () => {
  demo = await startDemo();
  callerDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-cli-caller-"));
});

afterAll(async () => {
  await demo?.sim.close();
});

describe("npm run connections -- import", () => {
  it("reads a relative path from the caller's directory, names the database, and generates an external ID the file left out", async () => {
    fs.writeFileSync(
      path.join(callerDirectory, "connections.json"),
      JSON.stringify({ connections: [demoEntry(`Imported ${suffix}`)] }),
    );
    const created = await connections(["import", "connections.json"], callerDirectory);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(expectedDatabaseLine());
    const stored = parseStoredConfig(`Imported ${suffix}`, (await connectionByName(`Imported ${suffix}`)).config);
    expect(stored.externalId).toMatch(/^cirrus-/);
    expect(created.stdout).toContain(
      `created  Imported ${suffix} (no externalId in the file: generated ${stored.externalId};`,
    );

    const updated = await connections(["import", "connections.json"], callerDirectory);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout.trim()).toBe(`updated  Imported ${suffix}`);
    expect(
      parseStoredConfig(`Imported ${suffix}`, (await connectionByName(`Imported ${suffix}`)).config).externalId,
    ).toBe(stored.externalId);
  });

  it("answers broken JSON with one line naming the file, line and column, and changes nothing", async () => {
    fs.writeFileSync(
      path.join(callerDirectory, "broken.json"),
      `{\n  "connections": [\n    { "name": "Broken ${suffix}", }\n  ]\n}\n`,
    );
    const result = await connections(["import", "broken.json"], callerDirectory);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^broken\.json:3:\d+: invalid JSON: .+$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await getDb().connection.count({ where: { name: `Broken ${suffix}` } })).toBe(0);
  });

  it("says a missing file is missing, where it looked, without a stack trace", async () => {
    const result = await connections(["import", "nowhere.json"], callerDirectory);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Cannot read nowhere.json (${path.join(callerDirectory, "nowhere.json")}): no such file`,
    );
  });
});

describe("npm run connections -- test <name>", () => {
  beforeAll(async () => {
    const entries = [
      demoEntry(ORGANIZATION, { externalId: demo.creds.roles[0].externalId }),
      demoEntry(WITHOUT_DENIED_ACCOUNT, {
        externalId: demo.creds.roles[0].externalId,
        excludeAccountIds: WITHOUT_DENIED_ACCOUNTS,
      }),
    ];
    fs.writeFileSync(path.join(callerDirectory, "demo.json"), JSON.stringify({ connections: entries }));
    const result = await connections(["import", "demo.json"], callerDirectory);
    expect(result.code, result.stderr).toBe(0);
  });

  it("exits 2 on the demo world's denied RDS and SSM Inventory cells, lists them among the problems, and summarises", async () => {
    const result = await connections(["test", ORGANIZATION]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(expectedDatabaseLine());
    expect(result.stdout).toMatch(
      new RegExp(`^DENIED +${denied.account} ${denied.region} +RDS databases \\(rds:DescribeDBInstances\\)`, "m"),
    );
    const problems = result.stdout.slice(result.stdout.indexOf("Problems (2), first to fix:"));
    expect(problems).toContain(`  ${denied.account} ${denied.region}  RDS databases (rds:DescribeDBInstances): denied`);
    expect(problems).toContain(ssmDeniedLine);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Passed with warnings: ${ALL_ACCOUNTS} accounts, ${ENABLED_REGIONS} regions, \\d+ of \\d+ checks passed.*, 2 problems\\.$`,
        "m",
      ),
    );
    // No warning about the Node version or Buffer() on a supported Node.
    expect(result.stderr).not.toMatch(/NodeVersionSupportWarning|DEP0005/);
  });

  it("exits 0 on a connection that passes, and that test starts its schedule", async () => {
    const before = await getConnectionDetail((await connectionByName(WITHOUT_DENIED_ACCOUNT)).id);
    expect(before.schedulable).toBe(false);
    const result = await connections(["test", WITHOUT_DENIED_ACCOUNT]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Passed: ${ALL_ACCOUNTS - WITHOUT_DENIED_ACCOUNTS.length} accounts, ${ENABLED_REGIONS} regions, (\\d+) of \\d+ checks passed.*, 0 problems\\.$`,
        "m",
      ),
    );
    expect(result.stdout).not.toContain("Problems (");
    expect(result.stdout).toMatch(
      /^Recorded as the connection's latest test\. Schedule: active \(\*\/30 \* \* \* \* UTC\), next run /m,
    );
    const after = await getConnectionDetail(before.id);
    expect(after).toMatchObject({ schedulable: true, attention: null, lastTestOutcome: "passed" });
  });

  it("fails (exit 1) without an MFA code when the connection needs one, and says how to give it", async () => {
    const mfaUser = demo.creds.users.find((user) => "mfaSerial" in user && user.mfaSerial) as {
      accessKeyId: string;
      secretAccessKey: string;
      mfaSerial: string;
    };
    const name = `MFA ${suffix}`;
    const entry = {
      name,
      accessKeyId: mfaUser.accessKeyId,
      secretAccessKey: mfaUser.secretAccessKey,
      mfaSerial: mfaUser.mfaSerial,
      externalId: "cirrus-test-mfa",
      regionMode: "list",
      regions: ["us-east-1"],
      endpointUrl: demo.url,
    };
    await createConnection(entry, { actor: null, ip: null });
    const result = await connections(["test", name]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^MFA +/m);
    expect(result.stdout).toMatch(/^Failed: /m);
    expect(result.stdout).toContain(`npm run connections -- test "${name}" --mfa-code 123456`);
  });

  it("names the connections there are when the name matches none", async () => {
    const result = await connections(["test", `No such ${suffix}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No connection named "No such ${suffix}". Connections: `);
    expect(result.stderr).toContain(`"${ORGANIZATION}"`);
  });
});

describe("npm run collect on the demo world", () => {
  it("ends a partial run with the scope that failed and why", async () => {
    const result = await runCli("scripts/collect.ts", ["--connection", ORGANIZATION]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(expectedDatabaseLine());
    expect(result.stderr).toMatch(
      new RegExp(
        `: partial \\(\\d+ of \\d+ scopes read, \\d+ items\\): ${SOFTWARE_TYPES.length} scopes denied: ssm:GetInventory in ${SSM_DENIED.account} ${SSM_DENIED.region}; 1 scope denied: rds:DescribeDBInstances in ${denied.account} ${denied.region}$`,
        "m",
      ),
    );
  });
});
