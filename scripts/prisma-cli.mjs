// Runs the Prisma CLI for one provider's schema. The CLI needs DATABASE_URL set even with driver
// adapters (otherwise it tries to download a query engine), so give it a harmless default.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const PLACEHOLDER_URLS = { sqlite: "file:./data/cirrus.db", postgresql: "postgresql://localhost/cirrus" };

export function providerFromEnv(env = process.env) {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
}

export function runPrisma(provider, args, { env = process.env, stdio = "inherit", withSchema = true } = {}) {
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(
    process.execPath,
    [cli, ...args, ...(withSchema ? ["--schema", `prisma/${provider}/schema.prisma`] : [])],
    {
      stdio,
      encoding: "utf8",
      env: {
        ...env,
        DATABASE_URL: env.DATABASE_URL || PLACEHOLDER_URLS[provider],
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
  if (result.status !== 0) {
    const detail = stdio === "pipe" ? `\n${result.stdout}\n${result.stderr}` : "";
    throw new Error(`prisma ${args.join(" ")} (${provider}) failed${detail}`);
  }
  return result.stdout;
}
