import {
  type InstanceInformation,
  type InventoryFilter,
  paginateDescribeInstanceInformation,
  paginateGetInventory,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { attemptsOf, pageSizeFor, sendOptions, type ScopeFetchContext } from "./fetch-context";

// SSM Inventory read once per account x region for both SSM types (managed nodes, installed
// software): the node list and each inventory type are fleet-wide paged reads, so the two scopes
// of a cell share them instead of each making its own. Calls per cell, N managed EC2 nodes
// with inventory, S of them with SQL Server registry keys (pages of 50, AWS's maximum):
//   DescribeInstanceInformation ceil(N/50) + GetInventory AWS:Application ceil(N/50)
//   + AWS:InstanceDetailedInformation ceil(N/50) + AWS:WindowsRegistry (filtered) ceil(S/50).
// GetInventory takes one ResultAttributes type per call (AWS and the simulator refuse more), so
// three typed passes are the floor. The registry pass is filtered server-side to nodes holding
// SQL Server keys; ListInventoryEntries per Windows node would cost one call (or more) per node.

export type InventoryRows = Record<string, string>[];
/** One inventory type across the fleet: per node id, its rows and capture time. */
export type FleetInventory = Map<string, { captureTime: string | null; rows: InventoryRows }>;

export const SQL_SERVER_REGISTRY_ROOT = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server\\";

export const INVENTORY_READS = {
  applications: { typeName: "AWS:Application" },
  cpu: { typeName: "AWS:InstanceDetailedInformation" },
  sqlServerRegistry: {
    typeName: "AWS:WindowsRegistry",
    filters: [{ Key: "AWS:WindowsRegistry.KeyPath", Values: [SQL_SERVER_REGISTRY_ROOT], Type: "BeginWith" }],
  },
} as const satisfies Record<string, { typeName: string; filters?: InventoryFilter[] }>;
export type InventoryRead = keyof typeof INVENTORY_READS;

type Shared<V> = { promise: Promise<{ value: V; requests: number }>; counted: boolean };

/**
 * One region job's SSM reads. The first scope asking for a read makes it and is charged its
 * requests; a second scope awaiting the same read is charged none. A failed read (e.g.
 * ssm:GetInventory denied) fails every scope that needs it.
 */
export class SsmFleetCache {
  private readonly reads = new Map<string, Shared<unknown>>();

  nodes(ctx: ScopeFetchContext) {
    return this.shared(`${ctx.accountId}|${ctx.region}|nodes`, () => listNodes(ctx));
  }

  inventory(ctx: ScopeFetchContext, read: InventoryRead) {
    return this.shared(`${ctx.accountId}|${ctx.region}|${read}`, () => readInventory(ctx, read));
  }

  private async shared<V>(key: string, load: () => Promise<{ value: V; requests: number }>) {
    let entry = this.reads.get(key) as Shared<V> | undefined;
    if (!entry) {
      const promise = load();
      this.reads.set(key, (entry = { promise, counted: false }));
      // A failed read is not kept: the scope's retry (scope-runner.ts) must call AWS again.
      promise.catch(() => this.reads.get(key)?.promise === promise && this.reads.delete(key));
    }
    const { value, requests } = await entry.promise;
    const charged = entry.counted ? 0 : requests;
    entry.counted = true;
    return { value, requests: charged };
  }
}

/** The context's shared cache, or a private one (a scope read on its own). */
export const fleetOf = (ctx: ScopeFetchContext) => ctx.ssm ?? new SsmFleetCache();

const clientOf = (ctx: ScopeFetchContext) =>
  ctx.session.client(SSMClient, { accountId: ctx.accountId, region: ctx.region });

// Managed nodes that are EC2 instances: hybrid (mi-) nodes and other resource types are not
// inventory of this account x region's EC2.
async function listNodes(ctx: ScopeFetchContext) {
  const pages = paginateDescribeInstanceInformation(
    { client: clientOf(ctx), stopOnSameToken: true },
    { MaxResults: pageSizeFor("describeInstanceInformation", ctx.pageSize) },
    sendOptions(ctx.signal),
  );
  const value: InstanceInformation[] = [];
  let requests = 0;
  for await (const page of pages) {
    requests += attemptsOf(page);
    for (const node of page.InstanceInformationList ?? [])
      if (node.InstanceId?.startsWith("i-") && (node.ResourceType ?? "EC2Instance") === "EC2Instance") value.push(node);
  }
  return { value, requests };
}

async function readInventory(ctx: ScopeFetchContext, read: InventoryRead) {
  const spec: { typeName: string; filters?: readonly InventoryFilter[] } = INVENTORY_READS[read];
  const pages = paginateGetInventory(
    { client: clientOf(ctx), stopOnSameToken: true },
    {
      MaxResults: pageSizeFor("getInventory", ctx.pageSize),
      ResultAttributes: [{ TypeName: spec.typeName }],
      ...(spec.filters ? { Filters: spec.filters.map((f) => ({ ...f, Values: [...(f.Values ?? [])] })) } : {}),
    },
    sendOptions(ctx.signal),
  );
  const value: FleetInventory = new Map();
  let requests = 0;
  for await (const page of pages) {
    requests += attemptsOf(page);
    for (const entity of page.Entities ?? []) {
      const item = entity.Id ? entity.Data?.[spec.typeName] : undefined;
      if (item) value.set(entity.Id!, { captureTime: item.CaptureTime ?? null, rows: item.Content ?? [] });
    }
  }
  return { value, requests };
}
