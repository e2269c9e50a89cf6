import "server-only";

export { getDb, disconnectDb, getDatabaseTarget, type Db } from "./client";
export { applyMigrations } from "./migrate";
export { getSqliteDirect, isSqliteBusy, type SqliteDirect } from "./sqlite-direct";
