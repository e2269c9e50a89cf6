// Runs a TypeScript entry point (scripts/*.ts) with tsx. The react-server condition makes the
// "server-only" marker in lib/ resolve to its no-op build, as it does inside Next's server.
import { spawn } from "node:child_process";
import { QUIET_NODE_FLAGS, withQuietEnv } from "./node-warnings.mjs";

export function runTs(script, args = [], options = {}) {
  return spawn(
    process.execPath,
    [...QUIET_NODE_FLAGS, "--conditions=react-server", "--import", "tsx", script, ...args],
    {
      stdio: "inherit",
      ...options,
      env: withQuietEnv({ ...process.env, ...options.env }),
    },
  );
}

export function runTsToCompletion(script, args = [], options = {}) {
  return new Promise((resolve, reject) => {
    const child = runTs(script, args, options);
    let stdout = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${script} exited with ${code}`))));
  });
}

// `node scripts/run-ts.mjs scripts/x.ts args...`: the package.json scripts use this form.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [script, ...args] = process.argv.slice(2);
  runTs(script, args).on("exit", (code) => process.exit(code ?? 1));
}
