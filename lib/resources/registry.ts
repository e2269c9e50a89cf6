import { dedicatedHost } from "./dedicated-host";
import type { ResourceDefinition } from "./definition";
import { ec2Instance } from "./ec2-instance";
import { installedSoftware } from "./installed-software";
import { managedNode } from "./managed-node";
import { rdsDbInstance } from "./rds-db-instance";
import { reservedInstance } from "./reserved-instance";
import { RESOURCE_TYPES, type ResourceType } from "./rows";

// The registry every consumer iterates over: the collector (fetch, map, store), inventory
// queries, API and OpenAPI, exports, the IAM policy generator, Test Connection, coverage and
// navigation. Adding a type means adding its folder here; tests/unit/resource-registry.test.ts
// fails while any consumer lacks it.
export const RESOURCES = {
  "ec2-instance": ec2Instance,
  "dedicated-host": dedicatedHost,
  "reserved-instance": reservedInstance,
  "rds-db-instance": rdsDbInstance,
  "managed-node": managedNode,
  "installed-software": installedSoftware,
} as const satisfies { [T in ResourceType]: ResourceDefinition<T> };

export type ResourceSlug = (typeof RESOURCES)[ResourceType]["slug"];

/** Every type's definition, in the order pages and navigation list them. */
export const RESOURCE_LIST: ResourceDefinition<ResourceType>[] = RESOURCE_TYPES.map(
  (type) => RESOURCES[type] as unknown as ResourceDefinition<ResourceType>,
);

/** The URL segments, in navigation order. */
export const RESOURCE_SLUGS = RESOURCE_TYPES.map((type) => RESOURCES[type].slug) as ResourceSlug[];

export function isResourceSlug(value: string): value is ResourceSlug {
  return (RESOURCE_SLUGS as string[]).includes(value);
}

export function resourceBySlug(slug: ResourceSlug): ResourceDefinition<ResourceType> {
  return RESOURCE_LIST.find((definition) => definition.slug === slug)!;
}

export function resourceTypeOf(slug: ResourceSlug): ResourceType {
  return resourceBySlug(slug).type;
}

export function resource<T extends ResourceType>(type: T): ResourceDefinition<T> {
  return RESOURCES[type] as unknown as ResourceDefinition<T>;
}

/** The types a connection collects: SSM-read types only while its software collection is on (the default). */
export function collectedTypes(settings: { collectSoftware?: boolean }): ResourceType[] {
  return RESOURCE_TYPES.filter((type) => settings.collectSoftware !== false || !RESOURCES[type].software);
}

/** A type's inventory page, optionally filtered: /inventory/<slug>?<query>. */
export function inventoryHref(type: ResourceType, query: string | Record<string, string> = ""): string {
  const search = typeof query === "string" ? query : new URLSearchParams(query).toString();
  return `/inventory/${RESOURCES[type].slug}${search ? `?${search}` : ""}`;
}
