import type { LicenceModel } from "../rows";
import type { InstanceInput, InventoryInput } from "../summary-input";

/** Instances and their vCPUs; "running" is State.Name = running. */
export type Tally = { count: number; running: number; vcpus: number; runningVcpus: number };

export type InstancesSummary = {
  totals: Tally & {
    instances: number;
    byAccount: Record<string, Tally>;
    byRegion: Record<string, Tally>;
    byLicence: (Tally & { licensedProduct: string; licenceModel: LicenceModel })[];
  };
};

/** The Overview's instance totals, by account, region and licence. */
export function summarizeInstances(input: InventoryInput): InstancesSummary {
  const all = emptyTally();
  const byAccount = new Map<string, Tally>();
  const byRegion = new Map<string, Tally>();
  const byLicence = new Map<string, Tally & { licensedProduct: string; licenceModel: LicenceModel }>();
  for (const i of input.instances) {
    const licenceKey = `${i.licensedProduct}|${i.licenceModel}`;
    if (!byLicence.has(licenceKey))
      byLicence.set(licenceKey, { licensedProduct: i.licensedProduct, licenceModel: i.licenceModel, ...emptyTally() });
    for (const tally of [all, entry(byAccount, i.accountId), entry(byRegion, i.region), byLicence.get(licenceKey)!])
      count(tally, i);
  }
  return {
    totals: {
      ...all,
      instances: all.count,
      byAccount: sortedRecord(byAccount),
      byRegion: sortedRecord(byRegion),
      byLicence: [...byLicence.values()].sort(
        (a, b) => a.licensedProduct.localeCompare(b.licensedProduct) || a.licenceModel.localeCompare(b.licenceModel),
      ),
    },
  };
}

function emptyTally(): Tally {
  return { count: 0, running: 0, vcpus: 0, runningVcpus: 0 };
}

function count(tally: Tally, instance: InstanceInput): void {
  const vcpus = instance.vcpus ?? 0;
  const instances = instance.instances ?? 1;
  tally.count += instances;
  tally.vcpus += vcpus;
  if (instance.state === "running") {
    tally.running += instances;
    tally.runningVcpus += vcpus;
  }
}

function entry(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

function sortedRecord<V>(map: Map<string, V>): Record<string, V> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
