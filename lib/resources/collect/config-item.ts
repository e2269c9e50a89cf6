// AWS Config advanced-query results: one JSON string per resource, nested by the selected
// paths. `configuration` is the service's Describe output in Config's camelCase (instanceId,
// cpuOptions.coreCount; RDS writes dBInstanceIdentifier, multiAZ, dbiResourceId), so each
// item is turned back into the SDK shape and goes through the same mapper as a direct call
// (each type's map-config.ts, with the helpers below).

type ConfigTag = { key?: string; value?: string };

export type ConfigItem = {
  accountId: string;
  awsRegion: string;
  resourceId?: string;
  resourceName?: string;
  availabilityZone?: string;
  configurationItemStatus?: string;
  tags?: ConfigTag[];
  configuration?: Record<string, unknown>;
};

/** The resource-level paths every query selects, plus the whole `configuration`. */
export const CONFIG_ITEM_FIELDS = [
  "accountId",
  "awsRegion",
  "resourceId",
  "resourceName",
  "availabilityZone",
  "configurationItemStatus",
  "tags",
  "configuration",
] as const;

// A resource's last item says it was deleted (a terminated instance, a deleted database): it is
// no longer in the inventory, whatever its configuration still says.
const DELETED_STATUSES = new Set(["ResourceDeleted", "ResourceDeletedNotRecorded"]);

export function isDeletedConfigItem(item: ConfigItem): boolean {
  return DELETED_STATUSES.has(item.configurationItemStatus ?? "");
}

export function parseConfigItem(result: string): ConfigItem {
  const item = JSON.parse(result) as Partial<ConfigItem>;
  if (typeof item.accountId !== "string" || typeof item.awsRegion !== "string")
    throw new Error("AWS Config result without accountId and awsRegion");
  return item as ConfigItem;
}

/** launchTime -> LaunchTime at every depth; dBInstanceIdentifier -> DBInstanceIdentifier. */
export function pascalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalize);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value))
    out[key.charAt(0).toUpperCase() + key.slice(1)] = pascalize(member);
  return out;
}

// Config records timestamps as strings; the SDK shapes hold Dates.
export function dates<T extends Record<string, unknown>>(record: T, keys: string[]): T {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && !Number.isNaN(Date.parse(value)))
      (record as Record<string, unknown>)[key] = new Date(value);
  }
  return record;
}

// The item's own tags (tags.key / tags.value) are the ones Config indexes; they win over any
// copy inside the configuration.
export function sdkTags(item: ConfigItem): { Key: string; Value: string }[] | undefined {
  return item.tags?.filter((t) => typeof t.key === "string").map((t) => ({ Key: t.key!, Value: t.value ?? "" }));
}

/** The item's `configuration` with SDK member names. */
export function sdkShape(item: ConfigItem): Record<string, unknown> {
  return pascalize(item.configuration ?? {}) as Record<string, unknown>;
}
