import { applyMigrations } from "../lib/db/migrate";
applyMigrations();
console.log("migrated");
