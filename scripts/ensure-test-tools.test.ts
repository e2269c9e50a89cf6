import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureTestTools, findChromium } from "./ensure-test-tools.mjs";

// Each case builds the PATH a machine would have: a folder holding only the tools that machine
// has. apt-get stands in for Debian's: it records its arguments, and "installs" chromium into
// the same folder, as the real one puts it into /usr/bin.
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function machine(tools: { chromium?: boolean; aptGet?: "installs" | "fails"; sudo?: boolean }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-ensure-"));
  folders.push(dir);
  const script = (name: string, body: string) =>
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  if (tools.chromium) script("chromium", "exit 0");
  if (tools.sudo) script("sudo", 'exec "$@"');
  if (tools.aptGet === "installs") {
    script(
      "apt-get",
      `echo "$*" >> "${dir}/apt-get.log"\ncase "$*" in *chromium*) printf '#!/bin/sh\\n' > "${dir}/chromium"; /bin/chmod 755 "${dir}/chromium";; esac`,
    );
  }
  if (tools.aptGet === "fails") script("apt-get", `echo "$*" >> "${dir}/apt-get.log"\nexit 100`);
  const aptGetCalls = () =>
    fs.existsSync(path.join(dir, "apt-get.log"))
      ? fs.readFileSync(path.join(dir, "apt-get.log"), "utf8").trim().split("\n")
      : [];
  return { dir, env: { PATH: dir }, aptGetCalls };
}

const quiet = () => {};

describe("npm test's set-up: Chromium", () => {
  it("uses the chromium on PATH, and CHROMIUM_PATH before it", async () => {
    const { dir, env } = machine({ chromium: true });
    expect(await ensureTestTools({ env, isRoot: false, log: quiet })).toMatchObject({
      chromium: path.join(dir, "chromium"),
    });
    const other = machine({ chromium: true });
    expect(findChromium({ ...env, CHROMIUM_PATH: path.join(other.dir, "chromium") })).toBe(
      path.join(other.dir, "chromium"),
    );
  });

  it("does not take a chromium file it cannot execute", () => {
    const { dir, env } = machine({});
    fs.writeFileSync(path.join(dir, "chromium"), "", { mode: 0o644 });
    expect(findChromium(env)).toBeNull();
  });

  it("as root with apt-get, installs Debian's chromium and goes on with it", async () => {
    const { dir, env, aptGetCalls } = machine({ aptGet: "installs" });
    const tools = await ensureTestTools({ env, isRoot: true, log: quiet });
    expect(aptGetCalls()).toEqual(["update -qq", "install -y -qq chromium"]);
    expect(tools).toMatchObject({ chromium: path.join(dir, "chromium") });
  });

  it("as another user, stops without running apt-get and prints the root command", async () => {
    const { env, aptGetCalls } = machine({ aptGet: "installs" });
    const tools = await ensureTestTools({ env, isRoot: false, log: quiet });
    expect(tools.stop).toContain("Run as root, then npm test again:\n  apt-get update && apt-get install -y chromium");
    expect(aptGetCalls()).toEqual([]);
  });

  it("as another user with sudo, prints the sudo command", async () => {
    const { env, aptGetCalls } = machine({ aptGet: "installs", sudo: true });
    const tools = await ensureTestTools({ env, isRoot: false, log: quiet });
    expect(tools.stop).toContain("sudo apt-get update && sudo apt-get install -y chromium");
    expect(aptGetCalls()).toEqual([]);
  });

  it("stops with the command when apt-get fails, as root", async () => {
    const { env, aptGetCalls } = machine({ aptGet: "fails" });
    const tools = await ensureTestTools({ env, isRoot: true, log: quiet });
    expect(aptGetCalls()).toEqual(["update -qq"]);
    expect(tools.stop).toContain("apt-get update && apt-get install -y chromium");
  });

  it("without apt-get, asks for Chromium from the system's package manager or CHROMIUM_PATH", async () => {
    const { env } = machine({});
    const tools = await ensureTestTools({ env, isRoot: true, log: quiet });
    expect(tools.stop).toContain(
      "Install it with your system's package manager, or point CHROMIUM_PATH at an installed Chromium or Chrome.",
    );
  });

  it("never installs over a CHROMIUM_PATH that points nowhere: it names the variable", async () => {
    const { dir, env, aptGetCalls } = machine({ aptGet: "installs" });
    const tools = await ensureTestTools({
      env: { ...env, CHROMIUM_PATH: path.join(dir, "missing") },
      isRoot: true,
      log: quiet,
    });
    expect(tools.stop).toContain(`CHROMIUM_PATH=${path.join(dir, "missing")} is not an executable file`);
    expect(aptGetCalls()).toEqual([]);
  });
});
