// A disposable PostgreSQL cluster for tests and migration generation: initdb into a temp
// folder, start on a free loopback port, hand back a URL, remove everything on stop.
// Binaries from /usr/lib/postgresql/<version>/bin (Debian's postgresql package).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

function findBinDir() {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, "bin")).find((d) => fs.existsSync(path.join(d, "initdb")));
  if (!dir) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install -y postgresql)");
  return dir;
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

// initdb refuses to run as root: run the server binaries as the postgres user then.
function runAsOwner(bin, args) {
  const isRoot = process.getuid?.() === 0;
  const cmd = isRoot ? "su" : bin;
  const argv = isRoot
    ? ["postgres", "-s", "/bin/sh", "-c", [bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")]
    : args;
  const result = spawnSync(cmd, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
}

export async function startThrowawayPostgres() {
  const bin = findBinDir();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-pg-"));
  const dataDir = path.join(base, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:", base]);
  const port = await freePort();
  runAsOwner(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  runAsOwner(path.join(bin, "pg_ctl"), [
    "-D", dataDir, "-l", path.join(base, "log"), "-w", "-o",
    `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    "start",
  ]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAsOwner(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  };
  return { url, port, stop };
}
