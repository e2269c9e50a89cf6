// Generates both Prisma clients (SQLite and PostgreSQL). One build serves both databases: the
// runtime picks the client that matches DATABASE_URL.
import { runPrisma } from "./prisma-cli.mjs";

for (const provider of ["sqlite", "postgresql"]) {
  runPrisma(provider, ["generate"], {
    env: { ...process.env, DATABASE_URL: "" },
    stdio: process.argv.includes("--verbose") ? "inherit" : "pipe",
  });
}
