// Parsing of query-protocol (EC2 / awsQuery) parameters: flattened `Name.N` lists, EC2
// `Filter.N.Name` / `Filter.N.Value.M`, RDS `Filters.Filter.N.Values.Value.M`.

export type Params = Map<string, string>;

export function parseForm(body: string): Params {
  const params: Params = new Map();
  for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  return params;
}

/** Values of `prefix.1`, `prefix.2` … in index order. */
export function indexedList(params: Params, prefix: string): string[] {
  const found: [number, string][] = [];
  const head = `${prefix}.`;
  for (const [k, v] of params) {
    if (!k.startsWith(head)) continue;
    const rest = k.slice(head.length);
    if (/^\d+$/.test(rest)) found.push([Number(rest), v]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

export interface Filter {
  name: string;
  values: string[];
}

/** EC2 filters: `Filter.N.Name` + `Filter.N.Value.M`. */
export function ec2Filters(params: Params): Filter[] {
  return collectFilters(params, "Filter.", "Value.");
}

/** RDS filters: `Filters.Filter.N.Name` + `Filters.Filter.N.Values.Value.M`. */
export function rdsFilters(params: Params): Filter[] {
  return collectFilters(params, "Filters.Filter.", "Values.Value.");
}

function collectFilters(params: Params, prefix: string, valuePrefix: string): Filter[] {
  const byIndex = new Map<number, Filter>();
  for (const [k, v] of params) {
    if (!k.startsWith(prefix)) continue;
    const m = /^(\d+)\.(.*)$/.exec(k.slice(prefix.length));
    if (!m) continue;
    const idx = Number(m[1]);
    const f = byIndex.get(idx) ?? { name: "", values: [] };
    byIndex.set(idx, f);
    if (m[2] === "Name") f.name = v;
    else if (m[2].startsWith(valuePrefix)) f.values[Number(m[2].slice(valuePrefix.length)) - 1] = v;
  }
  return [...byIndex.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, f]) => ({ name: f.name, values: f.values.filter((x) => x !== undefined) }));
}

export function intParam(params: Params, name: string): number | undefined {
  const v = params.get(name);
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : NaN;
}

export function boolParam(params: Params, name: string): boolean | undefined {
  const v = params.get(name);
  return v === undefined ? undefined : v.toLowerCase() === "true";
}
