import "server-only";
import { getDb } from "../../db";
import { TYPE_CONFIG } from "./config";
import type { InventoryType } from "./types";

// The four inventory models share these columns; the delegate is typed loosely because the
// table's model is chosen at run time (the where/select built from TYPE_CONFIG are whitelisted).
export type StoredRow = StoredRowBase & { data: string };
// A row as read without its `data` JSON (exports read picked values of it instead).
export type StoredRowBase = Record<string, unknown> & {
  id: string;
  connectionId: string;
  accountId: string;
  region: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  removedAt: Date | null;
};

type Delegate = {
  findMany(args: unknown): Promise<StoredRow[]>;
  findFirst(args: unknown): Promise<StoredRow | null>;
  count(args: unknown): Promise<number>;
  groupBy(args: unknown): Promise<Record<string, unknown>[]>;
};

export function modelOf(type: InventoryType): Delegate {
  return getDb()[TYPE_CONFIG[type].model] as unknown as Delegate;
}

export const BASE_SELECT = {
  id: true,
  connectionId: true,
  accountId: true,
  region: true,
  data: true,
  firstSeenAt: true,
  lastSeenAt: true,
  removedAt: true,
  removedReason: true,
  seenBy: true,
} as const;

export function selectFor(type: InventoryType, extra: Record<string, true> = {}): Record<string, true> {
  const { columns, idColumn } = TYPE_CONFIG[type];
  // The identity column need not be one the table shows (RDS: dbiResourceId).
  const select: Record<string, true> = { ...BASE_SELECT, ...extra, [idColumn]: true };
  for (const column of columns) select[column] = true;
  return select;
}

export function parseJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}
