import type { Host, Instance } from "@aws-sdk/client-ec2";
import type { DBInstance } from "@aws-sdk/client-rds";
import type { DbInstanceRow, HostRow, InstanceRow } from "../../resources/rows";
import { mapDbInstance } from "./db-instance";
import { mapHost } from "./host";
import { mapInstance } from "./instance";

// AWS Config advanced-query results: one JSON string per resource, nested by the selected
// paths. `configuration` is the service's Describe output in Config's camelCase (instanceId,
// cpuOptions.coreCount; RDS writes dBInstanceIdentifier, multiAZ, dbiResourceId), so each
// item is turned back into the SDK shape and goes through the same mapper as a direct call.

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
export const CONFIG_ITEM_FIELDS = ["accountId", "awsRegion", "resourceId", "resourceName", "availabilityZone", "configurationItemStatus", "tags", "configuration"] as const;

// A resource's last item says it was deleted (a terminated instance, a deleted database): it is
// no longer in the inventory, whatever its configuration still says.
const DELETED_STATUSES = new Set(["ResourceDeleted", "ResourceDeletedNotRecorded"]);

export function isDeletedConfigItem(item: ConfigItem): boolean {
  return DELETED_STATUSES.has(item.configurationItemStatus ?? "");
}

export function parseConfigItem(result: string): ConfigItem {
  const item = JSON.parse(result) as Partial<ConfigItem>;
  if (typeof item.accountId !== "string" || typeof item.awsRegion !== "string") throw new Error("AWS Config result without accountId and awsRegion");
  return item as ConfigItem;
}

/** launchTime -> LaunchTime at every depth; dBInstanceIdentifier -> DBInstanceIdentifier. */
export function pascalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalize);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) out[key.charAt(0).toUpperCase() + key.slice(1)] = pascalize(member);
  return out;
}

// Config records timestamps as strings; the SDK shapes hold Dates.
function dates<T extends Record<string, unknown>>(record: T, keys: string[]): T {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && !Number.isNaN(Date.parse(value))) (record as Record<string, unknown>)[key] = new Date(value);
  }
  return record;
}

// The item's own tags (tags.key / tags.value) are the ones Config indexes; they win over any
// copy inside the configuration.
function sdkTags(item: ConfigItem): { Key: string; Value: string }[] | undefined {
  return item.tags?.filter((t) => typeof t.key === "string").map((t) => ({ Key: t.key!, Value: t.value ?? "" }));
}

function sdkShape(item: ConfigItem): Record<string, unknown> {
  return pascalize(item.configuration ?? {}) as Record<string, unknown>;
}

export function instanceFromConfigItem(item: ConfigItem): InstanceRow {
  const config = dates(sdkShape(item), ["LaunchTime", "UsageOperationUpdateTime"]);
  const placement = { AvailabilityZone: item.availabilityZone, ...(config.Placement as object | undefined) };
  const instance = { ...config, InstanceId: config.InstanceId ?? item.resourceId, Placement: placement, Tags: sdkTags(item) ?? config.Tags } as Instance;
  // Config's instance item has no reservation: its owner is the recording account.
  return mapInstance(instance, { OwnerId: item.accountId });
}

export function hostFromConfigItem(item: ConfigItem): HostRow {
  const config = dates(sdkShape(item), ["AllocationTime", "ReleaseTime"]);
  // Config wraps the host's allocation state: configuration.state.value.
  const state = config.State && typeof config.State === "object" ? (config.State as { Value?: string }).Value : config.State;
  const host = { ...config, HostId: config.HostId ?? item.resourceId, State: state, OwnerId: config.OwnerId ?? item.accountId, AvailabilityZone: config.AvailabilityZone ?? item.availabilityZone, Tags: sdkTags(item) ?? config.Tags } as Host;
  return mapHost(host);
}

export function dbInstanceFromConfigItem(item: ConfigItem): DbInstanceRow {
  const config = dates(sdkShape(item), ["InstanceCreateTime", "LatestRestorableTime"]);
  // For RDS, Config's resourceId is the DbiResourceId and resourceName the identifier.
  const db = { ...config, DBInstanceIdentifier: config.DBInstanceIdentifier ?? item.resourceName, DbiResourceId: config.DbiResourceId ?? item.resourceId, TagList: sdkTags(item) ?? config.TagList } as DBInstance;
  return mapDbInstance(db);
}
