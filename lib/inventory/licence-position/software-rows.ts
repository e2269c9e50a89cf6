import {
  cellKey,
  qualifiedId,
  softwareStatus,
  type SoftwareUnknownReason,
  type StoredEstate,
} from "@/lib/licensing/estate";

/** One recognised product on one instance, with the applications and facts it was recognised from. */
export type SoftwareRow = {
  instanceId: string;
  instanceName: string | null;
  accountId: string;
  accountAlias: string | null;
  region: string;
  state: string | null;
  product: string;
  productName: string;
  edition: string | null;
  free: boolean;
  versions: string[];
  evidence: string[];
  /** null: the instance's software is current; otherwise why this row may be out of date. */
  unknownReason: SoftwareUnknownReason | null;
};

/** Products x instances: every recognised product per instance, with whether the instance's software is current. */
export function softwareRows(
  estate: StoredEstate,
  { now, staleDays }: { now: Date; staleDays: number },
): SoftwareRow[] {
  const instances = new Map(estate.instances.map((i) => [qualifiedId(i, i.instanceId), i]));
  const nodes = new Map(estate.nodes.map((n) => [qualifiedId(n, n.instanceId), n]));
  const rows = new Map<string, SoftwareRow>();
  for (const app of estate.software) {
    const id = qualifiedId(app, app.instanceId);
    const key = `${id}|${app.product}|${app.edition ?? ""}`;
    let row = rows.get(key);
    if (!row) {
      const instance = instances.get(id);
      const status = softwareStatus({
        node: nodes.get(id),
        cellRead: estate.softwareCellsRead.has(cellKey(app)),
        instanceState: instance?.state,
        now,
        staleDays,
      });
      row = {
        instanceId: app.instanceId,
        instanceName: instance?.name ?? null,
        accountId: app.accountId,
        accountAlias: estate.aliases.get(app.accountId) ?? null,
        region: app.region,
        state: instance?.state ?? null,
        product: app.product,
        productName: app.productName,
        edition: app.edition,
        free: app.free,
        versions: [],
        evidence: [],
        unknownReason: status.known ? null : status.reason,
      };
      rows.set(key, row);
    }
    if (app.version && !row.versions.includes(app.version)) row.versions.push(app.version);
    row.evidence.push(...app.evidence.map((e) => e.text));
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.productName.localeCompare(b.productName) ||
      (a.edition ?? "").localeCompare(b.edition ?? "") ||
      a.accountId.localeCompare(b.accountId) ||
      a.instanceId.localeCompare(b.instanceId),
  );
}
