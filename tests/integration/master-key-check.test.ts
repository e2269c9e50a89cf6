// Issue 10 item 7: a wrong but well-formed master key used to start the app, which then failed
// with "Something went wrong" on the first stored secret. Start-up now checks every configured
// key version against a key-check value (Setting crypto.key-check.<version>), or, on an install
// from before key checks, against a stored secret of that version.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { encryptSecret, getKeyring, keyFilePath, type Keyring } from "@/lib/crypto";
import { keyCheckHolds, keyCheckSettingKey } from "@/lib/crypto/key-check";
import { verifyMasterKeys } from "@/lib/crypto/verify-master-keys";
import { getDb } from "@/lib/db";

// Versions far above what the file key reaches in this suite, so these tests' keys never meet
// the real ones; each test cleans up what it planted.
const planted: { connections: string[]; versions: number[] } = { connections: [], versions: [] };
const freshVersion = () => {
  const version = 9000 + crypto.randomInt(0, 900_000);
  planted.versions.push(version);
  return version;
};
const randomKey = () => crypto.randomBytes(32);
const withKeys = (extra: [number, Buffer][]): Keyring => ({
  current: getKeyring().current,
  keys: new Map([...getKeyring().keys, ...extra]),
});

// An install from before key checks: a connection whose secret was encrypted under `version`.
async function plantSecret(version: number, key: Buffer) {
  const row = await getDb().connection.create({
    data: {
      name: `key-check-${version}`,
      config: "{}",
      secretAccessKeyEnc: encryptSecret("canary-secret", { current: version, keys: new Map([[version, key]]) }),
    },
  });
  planted.connections.push(row.id);
}

const checkOf = async (version: number) =>
  (await getDb().setting.findUnique({ where: { key: keyCheckSettingKey(version) } }))?.value;

afterEach(async () => {
  await getDb().connection.deleteMany({ where: { id: { in: planted.connections } } });
  await getDb().setting.deleteMany({ where: { key: { in: planted.versions.map(keyCheckSettingKey) } } });
  planted.connections = [];
  planted.versions = [];
});

function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/run-ts.mjs", script, ...args], {
      env: { ...process.env, ...env },
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

describe("master key check at start-up", () => {
  it("passes with the right key, writing a check value per key version, then verifying it", async () => {
    const keyring = getKeyring();
    await verifyMasterKeys();
    for (const version of keyring.keys.keys()) expect(keyCheckHolds((await checkOf(version))!, keyring)).toBe(true);
    const again = await verifyMasterKeys();
    expect(again.every((entry) => entry.outcome === "verified")).toBe(true);
  });

  it("refuses a wrong but well-formed master key, naming the version", async () => {
    await verifyMasterKeys();
    const { current, keys } = getKeyring();
    const wrong: Keyring = { current, keys: new Map([...keys, [current, randomKey()]]) };
    await expect(verifyMasterKeys(wrong, "CIRRUS_MASTER_KEY")).rejects.toThrow(
      new RegExp(`master key version ${current} does not match the key that encrypted the stored secrets`),
    );
  });

  it("an install without a check value gets one, derived from a stored secret of that version", async () => {
    const version = freshVersion();
    const key = randomKey();
    await plantSecret(version, key);
    expect(await checkOf(version)).toBeUndefined();
    const outcomes = await verifyMasterKeys(withKeys([[version, key]]));
    expect(outcomes.find((entry) => entry.version === version)?.outcome).toBe("derived");
    expect(keyCheckHolds((await checkOf(version))!, withKeys([[version, key]]))).toBe(true);

    // A version with no stored secret yet (first use) gets its check written.
    const unused = freshVersion();
    const written = await verifyMasterKeys(
      withKeys([
        [version, key],
        [unused, randomKey()],
      ]),
    );
    expect(written.find((entry) => entry.version === unused)?.outcome).toBe("written");
  });

  it("an install without a check value refuses a wrong key for its stored secrets, and writes no check", async () => {
    const version = freshVersion();
    await plantSecret(version, randomKey());
    await expect(verifyMasterKeys(withKeys([[version, randomKey()]]))).rejects.toThrow(
      new RegExp(`master key version ${version} does not match`),
    );
    expect(await checkOf(version)).toBeUndefined();
  });

  it("refuses when stored secrets need a key version that is not configured", async () => {
    const version = freshVersion();
    await plantSecret(version, randomKey());
    await expect(verifyMasterKeys()).rejects.toThrow(new RegExp(`stored secrets need master key version ${version}`));
  });

  it("npm run keys and npm run collect refuse to start with a wrong key, changing nothing", async () => {
    await verifyMasterKeys();
    const { current, keys } = getKeyring();
    // The configured versions, newest first, with the current one's key swapped for another.
    const spec = [...keys.entries()]
      .sort(([a], [b]) => b - a)
      .map(([version, key]) => `${version}:${(version === current ? randomKey() : key).toString("base64")}`)
      .join(",");
    const keyFileBefore = fs.readFileSync(keyFilePath(), "utf8");
    const auditBefore = await getDb().auditEvent.count();
    for (const [script, args] of [
      ["scripts/keys.ts", ["rotate"]],
      ["scripts/collect.ts", ["--all"]],
    ] as const) {
      const result = await runScript(script, [...args], { CIRRUS_MASTER_KEY: spec });
      expect(result.code, script).toBe(1);
      expect(result.stderr, script).toContain(
        `Cannot start: master key version ${current} does not match the key that encrypted the stored secrets`,
      );
    }
    expect(fs.readFileSync(keyFilePath(), "utf8")).toBe(keyFileBefore);
    expect(await getDb().auditEvent.count()).toBe(auditBefore);
  }, 120_000);
});
