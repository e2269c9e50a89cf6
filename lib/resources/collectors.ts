import type { ConfigItem } from "./collect/config-item";
import type { ScopeFetchContext } from "./collect/fetch-context";
import { fetchHosts } from "./dedicated-host/fetch";
import { hostFromConfigItem } from "./dedicated-host/map-config";
import { completeInstanceConfigRows } from "./ec2-instance/complete-config-rows";
import { fetchInstances } from "./ec2-instance/fetch";
import { fetchInstalledSoftware } from "./installed-software/fetch";
import { fetchManagedNodes } from "./managed-node/fetch";
import { instanceFromConfigItem } from "./ec2-instance/map-config";
import { fetchDbInstances } from "./rds-db-instance/fetch";
import { dbInstanceFromConfigItem } from "./rds-db-instance/map-config";
import { fetchReservedInstances } from "./reserved-instance/fetch";
import type { FetchedPage, ResourceType, RowOf } from "./rows";

// The write side of the registry: how the collector reads each type from AWS. Kept apart from
// registry.ts because it loads the AWS SDK: only lib/collector (and tests, benches) import it,
// so pages never do. What a type is called, which IAM action lists it, its Config resource
// type and how it is stored are in its definition (RESOURCES).
export type Collector<T extends ResourceType> = {
  /** Direct adapter: one account x region, page by page; AWS errors propagate unchanged. */
  fetch(ctx: ScopeFetchContext): AsyncGenerator<FetchedPage<T>>;
  /** Config adapter: one item as the row `fetch` gives; null exactly when the definition has no configResourceType. */
  fromConfigItem: ((item: ConfigItem) => RowOf<T>) | null;
  /** Config adapter: fills, per account x region, what Config items lack and the service still tells. */
  completeConfigRows?: (ctx: ScopeFetchContext, rows: RowOf<T>[]) => Promise<RowOf<T>[]>;
};

export const COLLECTORS: { [T in ResourceType]: Collector<T> } = {
  "ec2-instance": {
    fetch: fetchInstances,
    fromConfigItem: instanceFromConfigItem,
    completeConfigRows: completeInstanceConfigRows,
  },
  "dedicated-host": { fetch: fetchHosts, fromConfigItem: hostFromConfigItem },
  "reserved-instance": { fetch: fetchReservedInstances, fromConfigItem: null },
  "rds-db-instance": { fetch: fetchDbInstances, fromConfigItem: dbInstanceFromConfigItem },
  // AWS Config records neither: both are read from SSM per account x region, sharing its calls.
  "managed-node": { fetch: fetchManagedNodes, fromConfigItem: null },
  "installed-software": { fetch: fetchInstalledSoftware, fromConfigItem: null },
};

export function collector<T extends ResourceType>(type: T): Collector<T> {
  return COLLECTORS[type] as unknown as Collector<T>;
}
