// Evaluates a parsed Config query against resource records and projects the selected paths
// into nested objects, as Config's Results strings are nested by the dotted paths.
import { globMatch } from "../../auth/policy";
import type { Condition, Literal } from "./query-parser";

type Json = unknown;

/** Every value at a dotted path; arrays on the way are flattened (tags.key → all keys). */
export function valuesAt(record: Json, path: string): Json[] {
  let current: Json[] = [record];
  for (const seg of path.split(".")) {
    const next: Json[] = [];
    for (const v of current) {
      const child = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Json>)[seg] : undefined;
      if (Array.isArray(child)) next.push(...child);
      else if (child !== undefined && child !== null) next.push(child);
    }
    current = next;
  }
  return current;
}

function compare(actual: Json, expected: Literal): number | undefined {
  if (typeof expected === "number" || typeof actual === "number") {
    const a = Number(actual);
    const e = Number(expected);
    return Number.isNaN(a) || Number.isNaN(e) ? undefined : a - e;
  }
  // Config compares values case-insensitively (property names are case-sensitive).
  const a = String(actual).toLowerCase();
  const e = String(expected).toLowerCase();
  return a === e ? 0 : a < e ? -1 : 1;
}

export function matches(record: Json, c: Condition): boolean {
  switch (c.kind) {
    case "and":
      return matches(record, c.left) && matches(record, c.right);
    case "or":
      return matches(record, c.left) || matches(record, c.right);
    case "not":
      return !matches(record, c.inner);
    case "in": {
      const hit = valuesAt(record, c.path).some((v) => c.values.some((e) => compare(v, e) === 0));
      return c.negated ? !hit : hit;
    }
    case "like": {
      const pattern = c.pattern.replace(/%/g, "*").replace(/_/g, "?");
      const hit = valuesAt(record, c.path).some((v) => globMatch(pattern, String(v), true));
      return c.negated ? !hit : hit;
    }
    case "between":
      return valuesAt(record, c.path).some((v) => (compare(v, c.low) ?? -1) >= 0 && (compare(v, c.high) ?? 1) <= 0);
    case "cmp":
      return valuesAt(record, c.path).some((v) => {
        const d = compare(v, c.value);
        if (d === undefined) return c.op === "!=";
        return { "=": d === 0, "!=": d !== 0, "<": d < 0, "<=": d <= 0, ">": d > 0, ">=": d >= 0 }[c.op];
      });
  }
}

function pick(value: Json, segs: string[]): Json {
  if (segs.length === 0) return value;
  if (Array.isArray(value)) {
    const items = value.map((v) => pick(v, segs)).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!value || typeof value !== "object") return undefined;
  const child = pick((value as Record<string, Json>)[segs[0]], segs.slice(1));
  return child === undefined ? undefined : { [segs[0]]: child };
}

function merge(a: Json, b: Json): Json {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => merge(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const out: Record<string, Json> = { ...(a as Record<string, Json>) };
    for (const [k, v] of Object.entries(b as Record<string, Json>)) out[k] = merge(out[k], v);
    return out;
  }
  return b;
}

/** The JSON string Config returns for one resource and the selected paths. */
export function project(record: Json, select: string[]): string {
  let out: Json = {};
  for (const path of select) out = merge(out, pick(record, path.split(".")));
  return JSON.stringify(out);
}

/** Resource types a WHERE clause pins (resourceType = / IN under top-level ANDs), to skip building others. */
export function pinnedResourceTypes(c: Condition | undefined): string[] | undefined {
  if (!c) return undefined;
  if (c.kind === "and") {
    const l = pinnedResourceTypes(c.left);
    const r = pinnedResourceTypes(c.right);
    if (l && r) return l.filter((t) => r.some((x) => x.toLowerCase() === t.toLowerCase()));
    return l ?? r;
  }
  if (c.kind === "cmp" && c.path === "resourceType" && c.op === "=") return [String(c.value)];
  if (c.kind === "in" && c.path === "resourceType" && !c.negated) return c.values.map(String);
  return undefined;
}
