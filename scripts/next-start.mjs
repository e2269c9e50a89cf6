// `npm start` and `npm run demo`: the command line of `next start`, which says where the server
// listens. Next alone listens on every interface; production listens where HOST says (every
// interface when unset, as before; lib/env.ts and the README document it), and the demo, whose
// output carries the admin password, only on the loopback interface.
import { spawn } from "node:child_process";
import { QUIET_NODE_FLAGS, withQuietEnv } from "./node-warnings.mjs";

export const NEXT_BIN = "node_modules/next/dist/bin/next";
export const LOOPBACK = "127.0.0.1";

// A bare host name, IPv4 or IPv6 address: a URL or "host:port" here would fail later with a
// less helpful DNS error.
const HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$/;

export function nextStartArgs({ port, host, extra = [] }) {
  const args = [NEXT_BIN, "start"];
  if (port !== undefined) args.push("--port", String(port));
  if (host !== undefined && host !== "") {
    if (!HOST_PATTERN.test(host)) throw new Error(`HOST must be a host name or IP address to listen on, not "${host}"`);
    args.push("--hostname", host);
  }
  // Arguments given after `npm start --` come last, so they win over the environment.
  return [...args, ...extra];
}

// The demo signs a local user in with a printed password: never reachable from the network.
export function demoStartArgs(port) {
  return nextStartArgs({ port, host: LOOPBACK });
}

// Next's "- Network: http://127.0.0.1:<port>" start-up line (colours stripped).
export function isLoopbackNetworkLine(line) {
  const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
  return /^\s*-\s*Network:\s*https?:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?\/?\s*$/.test(plain);
}

// `node scripts/next-start.mjs [next start options]`: the package.json `start` script.
if (import.meta.url === `file://${process.argv[1]}`) {
  let args;
  try {
    args = nextStartArgs({ host: process.env.HOST, extra: process.argv.slice(2) });
  } catch (error) {
    console.error(`[cirrus] ${error.message}`);
    process.exit(1);
  }
  const child = spawn(process.execPath, [...QUIET_NODE_FLAGS, ...args], {
    stdio: "inherit",
    env: withQuietEnv(process.env),
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
