import { RULE_PARAMETERS, type RuleParameters } from "../rule-parameters";
import { ec2Billing } from "./ec2-billing";
import { evidenceOf } from "./lines";
import { sqlServerHostLines } from "./sql-server-rule";
import type { DedicatedHostInput, Ec2InstanceInput, RequirementLine } from "./types";
import { windowsEditionOf, windowsHostLines } from "./windows-server-rule";

export type HostOptions = {
  params?: RuleParameters;
  /** The admin licenses SQL Server on this host by its physical cores instead of each instance's vCPUs. */
  sqlServerByHostCores?: boolean;
};

/** Requirement lines of one dedicated host, from the BYOL software of the instances placed on it. */
export function dedicatedHostRequirements(
  host: DedicatedHostInput,
  instancesOnHost: readonly Ec2InstanceInput[],
  options: HostOptions = {},
): RequirementLine[] {
  const params = options.params ?? RULE_PARAMETERS;
  const windows = new Map<string | null, { instances: number; evidence: string[] }>();
  const sql = new Map<string | null, string[]>();
  for (const instance of instancesOnHost) {
    const billing = ec2Billing(instance);
    const tag = (text: string) => `${instance.id}: ${text}`;
    if (billing.windows === "BYOL") {
      const match = windowsEditionOf(instance.products);
      const entry = windows.get(match?.edition ?? null) ?? { instances: 0, evidence: [] };
      entry.instances++;
      entry.evidence.push(...[billing.evidence, ...evidenceOf(match)].map(tag));
      windows.set(match?.edition ?? null, entry);
    }
    if (!options.sqlServerByHostCores) continue;
    // The editions this instance must license itself: paid, and not the one its billing includes.
    for (const m of instance.products) {
      if (m.product !== "sql-server" || m.free) continue;
      if (billing.sqlIncludedEdition && (m.edition === billing.sqlIncludedEdition || m.edition === null)) continue;
      sql.set(m.edition, [...(sql.get(m.edition) ?? []), ...evidenceOf(m).map(tag)]);
    }
  }
  return [...windowsHostLines(host, windows, params), ...sqlServerHostLines(host, sql, params)];
}
