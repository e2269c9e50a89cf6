import type { Tags } from "../rows";

// Small conversions shared by the mappers. Rows hold null for anything absent; AWS's empty
// strings (StateTransitionReason "", a missing public DNS name) count as absent.

export function str(value: unknown): string | null {
  if (typeof value === "string") return value.length > 0 ? value : null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

export function num(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return null;
}

/** ISO-8601 from an SDK Date or an already-serialised timestamp (Config items carry strings). */
export function iso(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "string" && value.length > 0) {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
  }
  return null;
}

type TagLike = { Key?: string; Value?: string };

/** AWS's tag list as a record; a repeated key keeps its last value. */
export function tagsOf(tags: readonly TagLike[] | undefined): Tags {
  const out: Tags = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? "";
  return out;
}

export function nameOf(tags: Tags): string | null {
  return str(tags.Name);
}

/** A JSON-safe deep copy for `raw`: Dates become ISO strings, undefined members disappear. */
export function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return iso(value);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      // The SDK's response metadata is not part of the resource.
      if (member === undefined || key === "$metadata") continue;
      out[key] = jsonSafe(member);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

export function sortedUnique(values: Iterable<string | undefined | null>): string[] {
  return [...new Set([...values].filter((v): v is string => typeof v === "string" && v.length > 0))].sort();
}
