import { recognize, type ApplicationFact, type Match, type RegistryFact } from "@/lib/licensing";

// The product an application is, by lib/licensing's rules file. Recognition runs per
// application with the node's registry facts beside it: an application that only names its
// product ("Microsoft SQL Server 2019 (64-bit)") gets the edition the SQL Server Setup keys give,
// with both facts as evidence. Matches made of registry facts alone are not this application's.
export function recognizeApplication(app: ApplicationFact, registry: readonly RegistryFact[]): Match | null {
  // A fleet installs the same few hundred applications over and over: each distinct fact set is
  // recognised once (with 20 applications on each of 7,288 nodes, 145,760 rows, this was ~10 us a row).
  const key = JSON.stringify([app.name, app.publisher ?? null, app.version ?? null, registry]);
  if (known.has(key)) return known.get(key)!;
  if (known.size >= KNOWN_LIMIT) known.clear();
  const match = recognizeUncached(app, registry);
  known.set(key, match);
  return match;
}

const KNOWN_LIMIT = 20_000;
const known = new Map<string, Match | null>();

function recognizeUncached(app: ApplicationFact, registry: readonly RegistryFact[]): Match | null {
  const matches = recognize({ applications: [app], registry });
  const own = matches.filter((match) => match.evidence.some((e) => e.source === "AWS:Application"));
  // One product per application; a product seen with several editions (two SQL Server instances
  // of different editions on one node) counts as its highest-priced, i.e. the first non-free one.
  return own.find((match) => !match.free && match.edition !== null) ?? own[0] ?? null;
}

/** AWS:WindowsRegistry rows under a SQL Server Setup key, as recognition facts. */
export function sqlSetupFacts(rows: readonly Record<string, string>[]): RegistryFact[] {
  return rows
    .filter((row) => /\\Microsoft SQL Server\\[^\\]+\\Setup$/i.test(row.KeyPath ?? ""))
    .map((row) => ({ keyPath: row.KeyPath, valueName: row.ValueName ?? "", value: row.Value ?? "" }));
}
