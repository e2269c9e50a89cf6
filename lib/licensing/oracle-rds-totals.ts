import type { LicenceModel } from "@/lib/resources/rows";
import { oracleProcessorLicences, type OracleEdition } from "./oracle";

export type OracleDbInput = {
  engine: string | null;
  licenceModel: LicenceModel;
  vcpus: number | null;
  threadsPerCore: number | null;
  multiAz: boolean | null;
};

/** Oracle DB instances of one edition and licence model. */
export type OracleTally = {
  edition: OracleEdition;
  licenceModel: LicenceModel;
  count: number;
  vcpus: number;
  /** Enterprise Edition processor licences (2 vCPUs = 1 with hyper-threading, else 1 per vCPU). */
  processors: number;
  /** Standard Edition sockets (4 vCPUs, rounded up, = 1). */
  sockets: number;
  /** Standard Edition instances above the edition's vCPU cap. */
  overLimit: number;
  /** Instances whose vCPUs are not known: their licences are missing from the figures. */
  unknownVcpus: number;
};

export type OracleStandbyTally = Omit<OracleTally, "licenceModel" | "overLimit">;

export type OracleRdsTotals = {
  byEdition: OracleTally[];
  /** Multi-AZ standbys of BYOL instances: not listed by RDS, yet they generally need licences. */
  byolStandbys: OracleStandbyTally[];
  /** What the customer's entitlements must cover: BYOL instances plus their standbys. */
  totalProcessors: number;
  totalSockets: number;
};

/** Oracle licence figures over RDS DB instances (other engines are ignored). */
export function oracleRdsTotals(dbs: readonly OracleDbInput[]): OracleRdsTotals {
  const byEdition = new Map<string, OracleTally>();
  const standbys = new Map<string, OracleStandbyTally>();
  for (const db of dbs) {
    const licences = oracleProcessorLicences(db);
    if (!licences) continue;
    const { edition } = licences;
    const tally = upsert(byEdition, `${edition}|${db.licenceModel}`, () => ({
      edition,
      licenceModel: db.licenceModel,
      count: 0,
      vcpus: 0,
      processors: 0,
      sockets: 0,
      overLimit: 0,
      unknownVcpus: 0,
    }));
    add(tally, db.vcpus, licences.processors, licences.sockets);
    if (licences.overLimit) tally.overLimit++;
    if (db.licenceModel === "byol" && db.multiAz) {
      add(
        upsert(standbys, edition, () => ({ edition, count: 0, vcpus: 0, processors: 0, sockets: 0, unknownVcpus: 0 })),
        db.vcpus,
        licences.processors,
        licences.sockets,
      );
    }
  }
  const byol = [...byEdition.values()].filter((t) => t.licenceModel === "byol");
  const sum = (rows: { processors: number; sockets: number }[], key: "processors" | "sockets") =>
    rows.reduce((n, r) => n + r[key], 0);
  return {
    byEdition: [...byEdition.values()].sort(
      (a, b) => a.edition.localeCompare(b.edition) || a.licenceModel.localeCompare(b.licenceModel),
    ),
    byolStandbys: [...standbys.values()].sort((a, b) => a.edition.localeCompare(b.edition)),
    totalProcessors: sum(byol, "processors") + sum([...standbys.values()], "processors"),
    totalSockets: sum(byol, "sockets") + sum([...standbys.values()], "sockets"),
  };
}

function add(
  tally: OracleStandbyTally,
  vcpus: number | null,
  processors: number | null | undefined,
  sockets: number | null | undefined,
): void {
  tally.count++;
  if (vcpus === null) tally.unknownVcpus++;
  tally.vcpus += vcpus ?? 0;
  tally.processors += processors ?? 0;
  tally.sockets += sockets ?? 0;
}

function upsert<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key);
  if (!value) map.set(key, (value = create()));
  return value;
}
