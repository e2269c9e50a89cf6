// When a production build is out of date: `npm run demo` (.next) and the inventory bench
// (.next-bench) rebuild only when a source is newer than the build's BUILD_ID.
import fs from "node:fs";
import path from "node:path";

export const APP_SOURCES = [
  "app",
  "components",
  "lib",
  "prisma",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
];

// The newest modification time below these files and folders (dependencies, generated code
// and builds left out).
export function newestMtime(entries) {
  let newest = 0;
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      if (/node_modules|generated|\.next/.test(entry)) return;
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach(visit);
  return newest;
}

// "missing", "stale" or "current" for the build in distDir.
export function buildState(distDir) {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return "missing";
  return newestMtime(APP_SOURCES) > fs.statSync(buildId).mtimeMs ? "stale" : "current";
}
