// Oracle licences under Oracle's "Licensing Oracle Software in the Cloud Computing Environment"
// policy for AWS: the core-factor table does not apply. Enterprise Edition counts processor
// licences from vCPUs (two vCPUs = one licence with hyper-threading on, one vCPU = one licence
// with it off); the Standard Editions count sockets, every 4 vCPUs (rounded up) being one socket,
// with a cap on vCPUs per instance. The sums and their parameters live in engine/oracle-rule.ts and
// rule-parameters.ts; this module keeps the RDS-engine view the inventory summaries use.

import { RULE_PARAMETERS, type RuleParameters } from "./rule-parameters";
import { oracleMaxVcpus, oracleProcessors, oracleSockets } from "./engine/oracle-rule";

export type OracleEdition = "EE" | "SE2" | "SE" | "SE1";

export type OracleLicences = {
  edition: OracleEdition;
  /** Enterprise Edition: processor licences; null when the vCPUs are not known. */
  processors?: number | null;
  /** Standard Editions: sockets; null when the vCPUs are not known. */
  sockets?: number | null;
  /** A Standard Edition instance above the edition's vCPU cap (rule-parameters.ts). */
  overLimit: boolean;
};

/**
 * The edition of an RDS (or RDS Custom) Oracle engine name: oracle-ee, oracle-ee-cdb,
 * oracle-se2, oracle-se2-cdb, custom-oracle-ee..., legacy oracle-se and oracle-se1.
 */
export function oracleEdition(engine: string | null | undefined): OracleEdition | null {
  const match = /^(?:custom-)?oracle-(ee|se2|se1|se)(?:-cdb)?$/.exec(engine?.trim().toLowerCase() ?? "");
  return match ? (match[1].toUpperCase() as OracleEdition) : null;
}

/** Licences an Oracle DB instance needs; null for any other engine. */
export function oracleProcessorLicences(
  input: {
    engine: string | null | undefined;
    vcpus: number | null | undefined;
    threadsPerCore: number | null | undefined;
  },
  params: RuleParameters = RULE_PARAMETERS,
): OracleLicences | null {
  const edition = oracleEdition(input.engine);
  if (!edition) return null;
  const vcpus = input.vcpus ?? null;
  if (edition === "EE") {
    if (vcpus === null) return { edition, processors: null, overLimit: false };
    // Unknown threads per core counts as hyper-threading off: a count may overstate, never understate.
    const hyperThreading = (input.threadsPerCore ?? 1) > 1;
    return { edition, processors: oracleProcessors(vcpus, hyperThreading, params.oracle).value, overLimit: false };
  }
  if (vcpus === null) return { edition, sockets: null, overLimit: false };
  const sockets = oracleSockets(vcpus, params.oracle).value;
  return { edition, sockets, overLimit: vcpus > oracleMaxVcpus(edition, params.oracle) };
}
