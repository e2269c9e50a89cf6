import { oracleRdsTotals, type OracleRdsTotals } from "@/lib/licensing";
import type { LicenceModel } from "../rows";
import type { InventoryInput } from "../summary-input";

export type DatabasesSummary = {
  oracle: OracleRdsTotals;
  databases: {
    count: number;
    byEngine: { engine: string; licenceModel: LicenceModel; count: number; vcpus: number }[];
  };
};

/** DB instances by engine and licence model, and the Oracle licence figures (lib/licensing). */
export function summarizeDatabases(input: InventoryInput): DatabasesSummary {
  const dbs = input.dbInstances;
  const byEngine = new Map<string, DatabasesSummary["databases"]["byEngine"][number]>();
  for (const db of dbs) {
    const engine = db.engine ?? "unknown";
    const key = `${engine}|${db.licenceModel}`;
    if (!byEngine.has(key)) byEngine.set(key, { engine, licenceModel: db.licenceModel, count: 0, vcpus: 0 });
    const tally = byEngine.get(key)!;
    tally.count++;
    tally.vcpus += db.vcpus ?? 0;
  }
  return {
    oracle: oracleRdsTotals(dbs),
    databases: {
      count: dbs.length,
      byEngine: [...byEngine.values()].sort(
        (a, b) => a.engine.localeCompare(b.engine) || a.licenceModel.localeCompare(b.licenceModel),
      ),
    },
  };
}
