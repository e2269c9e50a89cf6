import type { RunDetail } from "./runs/read-runs";

// The table `npm run collect` prints: one line per run, then the failed scopes with their codes.
export function formatRunTable(runs: RunDetail[]): string {
  const header = ["connection", "status", "scopes ok", "failed", "items", "requests", "throttles", "seconds"];
  const rows = runs.map((run) => [
    run.connectionName,
    run.status,
    String(run.scopesDone),
    String(run.scopesFailed),
    String(run.items),
    String(run.requests),
    String(run.throttles),
    run.startedAt && run.finishedAt
      ? ((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1)
      : "-",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  const failures = runs.flatMap((run) =>
    run.scopes
      .filter((scope) => scope.status === "failed")
      .map((scope) =>
        `  ${run.connectionName} ${scope.accountId} ${scope.region} ${scope.resourceType}: ${scope.errorCode ?? "error"} ${scope.message ?? ""}`.trimEnd(),
      ),
  );
  const reasons = runs
    .filter((run) => run.skippedReason || run.errorMessage)
    .map((run) => `  ${run.connectionName}: ${run.skippedReason ?? run.errorMessage}`);
  return [
    line(header),
    ...rows.map(line),
    ...(failures.length ? ["", "Failed scopes:", ...failures] : []),
    ...(reasons.length ? ["", ...reasons] : []),
    "",
  ].join("\n");
}
