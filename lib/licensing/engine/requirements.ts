import { RULE_PARAMETERS } from "../rule-parameters";
import { dedicatedHostRequirements } from "./dedicated-host";
import { ec2InstanceRequirements } from "./ec2-instance";
import { rdsDbInstanceRequirements } from "./rds-db-instance";
import type { DedicatedHostInput, EngineOptions, Ec2InstanceInput, RdsDbInstanceInput, RequirementLine } from "./types";

export type Estate = {
  instances?: readonly Ec2InstanceInput[];
  hosts?: readonly DedicatedHostInput[];
  databases?: readonly RdsDbInstanceInput[];
};

/**
 * Every requirement line of an estate: instances, then hosts (which need the instances placed on
 * them), then DB instances. A host chosen for SQL Server physical-core licensing carries the SQL
 * Server figure and its instances show 0 with a pointer to it.
 */
export function licenceRequirements(estate: Estate, options: EngineOptions = {}): RequirementLine[] {
  const params = options.params ?? RULE_PARAMETERS;
  const hosts = estate.hosts ?? [];
  const instances = estate.instances ?? [];
  // Only a host Cirrus knows can carry the figure; otherwise the instances keep their own.
  const known = new Set(hosts.map((h) => h.id));
  const byHostCores = new Set([...(options.sqlServerByHostCores ?? [])].filter((id) => known.has(id)));
  return [
    ...instances.flatMap((i) =>
      ec2InstanceRequirements(i, { params, sqlServerCoveredByHost: !!i.hostId && byHostCores.has(i.hostId) }),
    ),
    ...hosts.flatMap((h) =>
      dedicatedHostRequirements(
        h,
        instances.filter((i) => i.hostId === h.id && i.tenancy === "host"),
        { params, sqlServerByHostCores: byHostCores.has(h.id) },
      ),
    ),
    ...(estate.databases ?? []).flatMap((db) => rdsDbInstanceRequirements(db, params)),
  ];
}
