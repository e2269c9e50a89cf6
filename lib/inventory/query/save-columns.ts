import "server-only";
import { getDb } from "../../db";
import { ALL_COLUMNS } from "./columns";
import type { InventoryType } from "./types";

const key = (type: InventoryType) => `columns:${type}`;

// The columns a user chose for a table, or null for the defaults. Unknown ids are dropped.
export async function getColumnPreference(userId: string, type: InventoryType): Promise<string[] | null> {
  const pref = await getDb().userPreference.findUnique({
    where: { userId_key: { userId, key: key(type) } },
    select: { value: true },
  });
  if (!pref) return null;
  try {
    const value = JSON.parse(pref.value) as unknown;
    if (!Array.isArray(value)) return null;
    const columns = value.filter((id): id is string => typeof id === "string" && ALL_COLUMNS[type].includes(id));
    return columns.length ? columns : null;
  } catch {
    return null;
  }
}

export async function saveColumnPreference(userId: string, type: InventoryType, columns: string[]): Promise<void> {
  const value = JSON.stringify(columns);
  await getDb().userPreference.upsert({
    where: { userId_key: { userId, key: key(type) } },
    create: { userId, key: key(type), value },
    update: { value },
  });
}
