import { oracleEdition } from "../oracle";
import { PRODUCT_NAMES } from "../products";
import type { Match } from "../recognition";
import { RULE_PARAMETERS, type RuleParameters } from "../rule-parameters";
import { count } from "./arithmetic";
import { resolveCpu } from "./cpu";
import { ibmPvuLines } from "./ibm-pvu-rule";
import { line, VCPUS_UNKNOWN } from "./lines";
import { oracleLine } from "./oracle-lines";
import type { Basis, RdsDbInstanceInput, RequirementLine, ResourceRef } from "./types";

// RDS engines name their edition; the LicenseModel says who pays. Only BYOL draws on the customer's
// entitlements, and a BYOL Multi-AZ standby generally needs the same licences as its primary.

const BASIS: Record<RdsDbInstanceInput["licenceModel"], Basis> = {
  byol: "BYOL",
  "license-included": "licence included",
  none: "unknown",
  unknown: "unknown",
};
const SQL_EDITIONS: Record<string, { edition: string; free: boolean }> = {
  ee: { edition: "Enterprise", free: false },
  se: { edition: "Standard", free: false },
  web: { edition: "Web", free: false },
  ex: { edition: "Express", free: true },
  dev: { edition: "Developer", free: true },
};

export function rdsDbInstanceRequirements(db: RdsDbInstanceInput, params = RULE_PARAMETERS): RequirementLine[] {
  const resource: ResourceRef = { kind: "rds-db-instance", id: db.id };
  const basis = BASIS[db.licenceModel];
  const evidence = [`Engine ${db.engine ?? "(none)"}, LicenseModel ${db.licenceModel}`];
  const flags = basis === "unknown" ? ["Licence model not known: counted as BYOL."] : [];
  const engine = db.engine?.trim().toLowerCase() ?? "";
  const oracle = oracleEdition(engine);
  if (oracle) {
    if (basis === "licence included") return [included(resource, "oracle-database", oracle, evidence)];
    const cpu = resolveCpu(db);
    const primary = oracleLine({ resource, where: "RDS", edition: oracle, cpu, basis, evidence, flags }, params);
    if (!db.multiAz) return [primary];
    const standby = oracleLine(
      { resource, where: "RDS", edition: oracle, cpu, basis, ruleSuffix: "-multi-az-standby", evidence, flags },
      params,
    );
    return [primary, { ...standby, arithmetic: `Multi-AZ standby, as its primary: ${standby.arithmetic}` }];
  }
  const sql = /^(?:custom-)?sqlserver-(ee|se|web|ex|dev)$/.exec(engine);
  if (sql) return [rdsSqlServerLine(resource, SQL_EDITIONS[sql[1]], basis, db, evidence, flags, params)];
  if (/^db2-/.test(engine)) {
    if (basis === "licence included") return [included(resource, "ibm-db2", null, evidence)];
    const db2: Match = {
      product: "ibm-db2",
      productName: PRODUCT_NAMES["ibm-db2"],
      edition: null,
      free: false,
      version: null,
      evidence: [],
    };
    return ibmPvuLines(resource, "RDS", [db2], resolveCpu(db).vcpus, params, evidence);
  }
  return [];
}

function included(
  resource: ResourceRef,
  product: "oracle-database" | "ibm-db2",
  edition: string | null,
  evidence: string[],
) {
  const metric = product === "ibm-db2" ? ("PVUs" as const) : ("processor licences" as const);
  return line(resource, product, edition, {
    metric,
    quantity: 0,
    basis: "licence included",
    ruleId: `${product === "ibm-db2" ? "ibm" : "oracle"}-rds-licence-included`,
    arithmetic: `${PRODUCT_NAMES[product]}${edition ? ` ${edition}` : ""} on RDS, licence included (paid through AWS): 0 ${metric}`,
    evidence,
  });
}

function rdsSqlServerLine(
  resource: ResourceRef,
  { edition, free }: { edition: string; free: boolean },
  basis: Basis,
  db: RdsDbInstanceInput,
  evidence: string[],
  flags: string[],
  params: RuleParameters,
): RequirementLine {
  const fields = { metric: "core licences" as const, evidence };
  if (free || basis === "licence included")
    return line(resource, "sql-server", edition, {
      ...fields,
      quantity: 0,
      basis: free ? "free edition" : "licence included",
      ruleId: free ? "sql-server-free-edition" : "sql-server-licence-included",
      arithmetic: `SQL Server ${edition} on RDS, ${free ? "free of charge" : "licence included"}: 0 core licences`,
    });
  const vcpus = resolveCpu(db).vcpus;
  const min = params.sqlServer.minCoresPerInstance;
  const quantity = vcpus === null ? null : Math.max(vcpus, min);
  return line(resource, "sql-server", edition, {
    ...fields,
    quantity,
    basis,
    ruleId: "sql-server-byol-vcpus",
    arithmetic:
      vcpus === null
        ? `SQL Server ${edition} BYOL on RDS: every vCPU a core licence, at least ${min}; vCPUs not known`
        : `SQL Server ${edition} BYOL on RDS, ${count(vcpus, "vCPUs")}: every vCPU a core licence, at least ${min} per instance: max(${vcpus}, ${min}) = ${count(quantity!, "core licences")}`,
    flags: vcpus === null ? [...flags, VCPUS_UNKNOWN] : flags,
  });
}
