import "server-only";

export { getDb, disconnectDb, getDatabaseTarget, type Db } from "./client";
export { applyMigrations } from "./migrate";
