import { EC2Client, type Instance, type InstanceTypeInfo, paginateDescribeInstanceTypes } from "@aws-sdk/client-ec2";
import { isRetryable } from "../../aws";
import { builtInTypeFacts, instanceCpuTopology, type TypeCpuFacts, type TypeFactsLookup } from "./map";
import type { InstanceRow } from "../rows";
import { attemptsOf, sendOptions, type ScopeFetchContext } from "../collect/fetch-context";

export type InstanceTypeLookupContext = Pick<ScopeFetchContext, "session" | "accountId" | "region" | "signal">;

/** DescribeInstanceTypes' largest page. */
export const INSTANCE_TYPES_PER_PAGE = 100;

type RegionFacts = { facts: Map<string, TypeCpuFacts>; requests: number };

// Default CPU topology per instance type, read once per region per run, for instances whose
// DescribeInstances answer carries no CpuOptions. A type's defaults are the same for every
// account, so one account's answer serves the region; in-flight reads are shared, so parallel
// scopes of a region make one. Where the call is denied (or fails), Cirrus's built-in table
// stands in, and the rows say so (vcpuSource "built-in").
export class InstanceTypeCache {
  private readonly regions = new Map<string, Promise<RegionFacts>>();
  // account|region whose DescribeInstanceTypes was refused: not asked again this run.
  private readonly refused = new Set<string>();

  /** The lookup for this account + region, and the HTTP requests it cost this caller. */
  async lookupFor(ctx: InstanceTypeLookupContext): Promise<{ lookup: TypeFactsLookup; requests: number }> {
    const scope = `${ctx.accountId}|${ctx.region}`;
    // Twice at most: when another account's read fails, this account may still be allowed.
    for (let attempt = 0; attempt < 2 && !this.refused.has(scope); attempt++) {
      let load = this.regions.get(ctx.region);
      const mine = load === undefined;
      if (!load) this.regions.set(ctx.region, (load = describeAll(ctx)));
      try {
        const { facts, requests } = await load;
        // A type the region does not list (no longer offered there) still gets the built-in figure.
        return { lookup: (type) => facts.get(type) ?? builtInTypeFacts(type), requests: mine ? requests : 0 };
      } catch (error) {
        if (this.regions.get(ctx.region) === load) this.regions.delete(ctx.region);
        ctx.signal?.throwIfAborted();
        if (!mine) continue;
        // Throttling and 5xx after the SDK's retries: the next page may ask again.
        if (!isRetryable(error)) this.refused.add(scope);
        return { lookup: builtInTypeFacts, requests: attemptsOf(error as { $metadata?: { attempts?: number } }) };
      }
    }
    return { lookup: builtInTypeFacts, requests: 0 };
  }

  /** Regions whose facts were read (for tests). */
  get regionsRead(): number {
    return this.regions.size;
  }
}

/**
 * Rows mapped without DescribeInstanceTypes (Config items, whose configuration may lack
 * cpuOptions) get their type's defaults from it, as Direct rows do. `raw` is the SDK-shaped
 * instance the row was mapped from.
 */
export async function fillInstanceTypeFacts(
  ctx: InstanceTypeLookupContext,
  cache: InstanceTypeCache,
  rows: InstanceRow[],
): Promise<{ rows: InstanceRow[]; requests: number }> {
  if (rows.every((row) => row.vcpuSource === "cpu-options")) return { rows, requests: 0 };
  const { lookup, requests } = await cache.lookupFor(ctx);
  const filled = rows.map((row) =>
    row.vcpuSource === "cpu-options" ? row : { ...row, ...instanceCpuTopology((row.raw ?? {}) as Instance, lookup) },
  );
  return { rows: filled, requests };
}

async function describeAll(ctx: InstanceTypeLookupContext): Promise<RegionFacts> {
  const client = ctx.session.client(EC2Client, { accountId: ctx.accountId, region: ctx.region });
  const facts = new Map<string, TypeCpuFacts>();
  let requests = 0;
  const pages = paginateDescribeInstanceTypes(
    { client, stopOnSameToken: true },
    { MaxResults: INSTANCE_TYPES_PER_PAGE },
    sendOptions(ctx.signal),
  );
  for await (const page of pages) {
    requests += attemptsOf(page);
    for (const info of page.InstanceTypes ?? []) {
      const entry = factsOf(info);
      if (entry) facts.set(String(info.InstanceType), entry);
    }
  }
  return { facts, requests };
}

function factsOf(info: InstanceTypeInfo): TypeCpuFacts | null {
  const vcpus = info.VCpuInfo?.DefaultVCpus;
  if (!info.InstanceType || typeof vcpus !== "number" || vcpus <= 0) return null;
  return {
    vcpus,
    cores: info.VCpuInfo?.DefaultCores ?? null,
    threadsPerCore: info.VCpuInfo?.DefaultThreadsPerCore ?? null,
    source: "instance-types",
  };
}
