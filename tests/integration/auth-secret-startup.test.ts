import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Start-up exactly as instrumentation.ts runs it, in a child process with its own data directory.
function startWithAuthSecretFile(content: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-start-"));
  fs.writeFileSync(path.join(dataDir, "auth-secret"), content, { mode: 0o600 });
  const child = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "-e",
      'import("./lib/setup/start-server.ts").then((m) => m.startServerOrExit())',
    ],
    // SCHEDULER=off so that, were the file accepted, start-up would end instead of scheduling.
    {
      env: { ...process.env, DATA_DIR: dataDir, AUTH_SECRET: "", SCHEDULER: "off" },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: child.status, stderr: child.stderr, file: path.join(dataDir, "auth-secret") };
}

describe("start-up validates the generated auth-secret file", () => {
  it("a 1-character auth-secret file stops start-up with a message naming the file", () => {
    const { status, stderr, file } = startWithAuthSecretFile("x\n");
    expect(status).toBe(1);
    expect(stderr).toContain(`Cannot start: ${file} holds a 1-character secret`);
  });

  it("an empty auth-secret file stops start-up with a message naming the file", () => {
    const { status, stderr, file } = startWithAuthSecretFile("");
    expect(status).toBe(1);
    expect(stderr).toContain(`Cannot start: ${file} holds no secret`);
  });
});
