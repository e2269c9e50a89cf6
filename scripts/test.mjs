// `npm test`: the whole suite, as CI runs it. Lint, typecheck, unit tests, the integration
// suite on SQLite and on a throwaway PostgreSQL, a production build, then Playwright e2e in
// Chromium. Every test stage runs even if an earlier one failed; the last line sums them up.
// A fresh machine sets itself up first (dependencies, Chromium) or stops within seconds with the
// command to run, rather than failing at e2e after every other stage.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureTestTools } from "./ensure-test-tools.mjs";
import { startThrowawayPostgres } from "./throwaway-postgres.mjs";

if (!fs.existsSync("node_modules/.package-lock.json")) {
  console.log("[test] Installing dependencies (npm ci)…");
  if (spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: ["ignore", "inherit", "inherit"] }).status !== 0)
    process.exit(1);
}

const tools = await ensureTestTools();
if (tools.stop) {
  console.error(tools.stop);
  process.exit(1);
}
console.log(`[test] Chromium: ${tools.chromium}; PostgreSQL: ${tools.postgres}`);

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-test-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function run(stage, command, args, extraEnv = {}) {
  console.log(`\n=== ${stage}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  console.log(`=== ${stage}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) failedStages.push(stage);
  return ok;
}

function vitest(stage, project, extraEnv = {}) {
  const report = path.join(reportDir, `${stage}.json`);
  const bin = "node_modules/vitest/vitest.mjs";
  run(
    stage,
    process.execPath,
    [bin, "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    extraEnv,
  );
  count(report, (json) => ({
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  }));
}

function count(report, read) {
  if (!fs.existsSync(report)) return void totals.failed++;
  const { passed, failed, skipped } = read(JSON.parse(fs.readFileSync(report, "utf8")));
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
}

const node = process.execPath;
if (!run("generate", node, ["scripts/db-generate.mjs"])) process.exit(1);
run("lint", node, ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"]);
// Formatting is checked, never rewritten here: `npm run format` rewrites.
run("format", node, ["node_modules/prettier/bin/prettier.cjs", "--check", "."]);
run("typecheck", node, ["node_modules/typescript/bin/tsc", "--noEmit"]);
vitest("unit", "unit");
vitest("integration-sqlite", "integration", {
  DATABASE_URL: "",
  DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-int-")),
});

const postgres = await startThrowawayPostgres();
try {
  vitest("integration-postgresql", "integration", {
    DATABASE_URL: postgres.url,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-int-")),
  });
} finally {
  postgres.stop();
}

if (run("build", node, ["node_modules/next/dist/bin/next", "build"], { DATABASE_URL: "" })) {
  const report = path.join(reportDir, "e2e.json");
  run("e2e", node, ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
    CHROMIUM_PATH: tools.chromium,
  });
  count(report, (json) => ({
    passed: json.stats.expected + json.stats.flaky,
    failed: json.stats.unexpected,
    skipped: json.stats.skipped,
  }));
}

fs.rmSync(reportDir, { recursive: true, force: true });
if (failedStages.length) console.log(`\nFailed stages: ${failedStages.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length ? 1 : 0);
