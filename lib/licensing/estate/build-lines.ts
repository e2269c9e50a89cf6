import {
  licenceRequirements,
  recognize,
  type Ec2InstanceInput,
  type Match,
  type RequirementLine,
  type RuleParameters,
} from "..";
import { softwareStatus } from "./software-status";
import { cellKey, qualifiedId, type StoredEstate, type StoredInstance, type StoredSoftware } from "./stored-rows";
import type { LicenceLineRow, SoftwareUnknownRow } from "./types";

// Instances that hold no licence any more: AWS lists terminated ones for an hour after.
const GONE_INSTANCE_STATES = new Set(["terminated", "shutting-down"]);
const RELEASED_HOST_STATES = new Set(["released", "released-permanent-failure"]);

type BuildOptions = { now: Date; staleDays: number; params?: RuleParameters };

/**
 * Requirement lines for the whole estate, and the instances whose software is unknown. Those get
 * only the lines their AWS billing gives (Windows, licence-included SQL Server, RHEL): what SSM may
 * once have reported on them is not current, so it is listed with them, not counted.
 */
export function buildLines(estate: StoredEstate, { now, staleDays, params }: BuildOptions) {
  const nodes = new Map(estate.nodes.map((node) => [qualifiedId(node, node.instanceId), node]));
  const software = groupBy(estate.software, (row) => qualifiedId(row, row.instanceId));
  const instances = estate.instances.filter((i) => !GONE_INSTANCE_STATES.has(i.state ?? ""));
  const softwareUnknown: SoftwareUnknownRow[] = [];
  const inputs: Ec2InstanceInput[] = instances.map((instance) => {
    const id = qualifiedId(instance, instance.instanceId);
    const node = nodes.get(id);
    const cellRead = estate.softwareCellsRead.has(cellKey(instance));
    const status = softwareStatus({ node, cellRead, instanceState: instance.state, now, staleDays });
    const apps = software.get(id) ?? [];
    if (!status.known) softwareUnknown.push(unknownRow(instance, estate.aliases, status.reason, status.detail, apps));
    return {
      id,
      vcpus: instance.vcpus,
      cores: instance.coreCount,
      threadsPerCore: instance.threadsPerCore,
      hyperThreadEnabled: status.known ? node?.hyperThreading : null,
      platform: instance.platform,
      platformDetails: instance.platformDetails,
      usageOperation: instance.usageOperation,
      tenancy: instance.tenancy,
      hostId: instance.hostId ? qualifiedId(instance, instance.hostId) : null,
      // The OS's own name gives the Windows Server edition (Datacenter / Standard) billing does not.
      products: status.known ? [...matchesOf(apps), ...recognize({ platformName: node?.platformName })] : [],
    };
  });
  const hosts = estate.hosts.filter((h) => !RELEASED_HOST_STATES.has(h.state ?? ""));
  const requirements = licenceRequirements(
    {
      instances: inputs,
      hosts: hosts.map((h) => ({ id: qualifiedId(h, h.hostId), sockets: h.sockets, cores: h.cores })),
      databases: estate.databases.map((db) => ({
        id: qualifiedId(db, db.dbInstanceIdentifier),
        engine: db.engine,
        licenceModel: db.licenceModel,
        vcpus: db.vcpus,
        cores: db.coreCount,
        threadsPerCore: db.threadsPerCore,
        multiAz: db.multiAz,
      })),
    },
    { params },
  );
  const where = locator(estate, instances, hosts);
  const lines = requirements.map((line) => lineRow(line, where));
  return { lines, softwareUnknown };
}

/** One match per product and edition, as recognition gives them, with every application's evidence. */
function matchesOf(apps: StoredSoftware[]): Match[] {
  const byEdition = groupBy(apps, (app) => `${app.product}|${app.edition ?? ""}`);
  return [...byEdition.values()].map((same) => ({
    product: same[0].product,
    productName: same[0].productName,
    edition: same[0].edition,
    free: same[0].free,
    version: same.find((app) => app.version)?.version ?? null,
    evidence: same.flatMap((app) => app.evidence),
  }));
}

type Place = { name: string | null; state: string | null; accountId: string; region: string };

function locator(estate: StoredEstate, instances: StoredInstance[], hosts: StoredEstate["hosts"]) {
  const places = new Map<string, Place>();
  for (const i of instances) places.set(`ec2-instance:${qualifiedId(i, i.instanceId)}`, { ...i, name: i.name });
  for (const h of hosts) places.set(`dedicated-host:${qualifiedId(h, h.hostId)}`, h);
  for (const db of estate.databases)
    places.set(`rds-db-instance:${qualifiedId(db, db.dbInstanceIdentifier)}`, { ...db, name: null, state: db.status });
  return (line: RequirementLine) => ({
    place: places.get(`${line.resource.kind}:${line.resource.id}`)!,
    alias: (accountId: string) => estate.aliases.get(accountId) ?? null,
  });
}

function lineRow(line: RequirementLine, where: ReturnType<typeof locator>): LicenceLineRow {
  const { place, alias } = where(line);
  return {
    resourceKind: line.resource.kind,
    // The engine saw account|region|id: the row shows AWS's own id beside its account and region.
    resourceId: line.resource.id.split("|").slice(2).join("|"),
    resourceName: place.name,
    accountId: place.accountId,
    accountAlias: alias(place.accountId),
    region: place.region,
    state: place.state,
    product: line.product,
    productName: line.productName,
    edition: line.edition,
    metric: line.metric,
    quantity: line.quantity,
    basis: line.basis,
    ruleId: line.ruleId,
    arithmetic: line.arithmetic,
    evidence: line.evidence,
    flags: line.flags,
  };
}

function unknownRow(
  instance: StoredInstance,
  aliases: Map<string, string | null>,
  reason: SoftwareUnknownRow["reason"],
  detail: string,
  apps: StoredSoftware[],
): SoftwareUnknownRow {
  const products = [...new Set(apps.map((app) => `${app.productName}${app.edition ? ` ${app.edition}` : ""}`))];
  return {
    instanceId: instance.instanceId,
    name: instance.name,
    accountId: instance.accountId,
    accountAlias: aliases.get(instance.accountId) ?? null,
    region: instance.region,
    state: instance.state,
    instanceType: instance.instanceType,
    vcpus: instance.vcpus,
    reason,
    detail,
    lastKnownProducts: products.sort(),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
