import "server-only";
import { getDatabaseTarget, getDb } from "./db";
import packageJson from "../package.json";

export type Health = { status: "ok" | "degraded"; version: string; database: "ok" | "unavailable"; provider: string };

export async function getHealth(): Promise<Health> {
  const provider = getDatabaseTarget().provider;
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return { status: "ok", version: packageJson.version, database: "ok", provider };
  } catch {
    return { status: "degraded", version: packageJson.version, database: "unavailable", provider };
  }
}
