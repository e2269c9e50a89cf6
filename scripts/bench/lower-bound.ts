// The fastest a collection of the world could possibly be, and how many requests it takes.
//
// Lower bound: a client with unlimited parallelism, zero CPU time and zero database time, under
// the world's latency L per call and its token buckets (burst B, refill r per second, per
// caller account + region + API). Derivation:
//  1. A call costs at least L (the nominal latency; the simulator adds +-25 % jitter, so the
//     expected maximum over hundreds of parallel chains tends to 1.25 L: the bound is generous).
//  2. Pagination is a NextToken chain: page k+1 cannot be asked before page k answered, so an
//     API with p pages in one bucket takes >= p*L. A bucket admits B calls at once, then r per
//     second: the n-th call of one bucket cannot start before (n - B)/r s, so n calls in one
//     bucket take >= max(0, (n - B)/r) + L, and a chain of p pages >= max(p*L, (p - B)/r + L).
//  3. Setup chain (Organizations account mode, the realistic one for many accounts):
//     ListRoots -> ListAccounts (ceil(A/20) pages: Organizations pages hold at most 20) ->
//     AssumeRole per member (A-1 calls, all in the management account's sts:AssumeRole bucket of
//     the home region) -> DescribeRegions in that member (its own bucket) -> the region scopes.
//     GetCallerIdentity runs beside the listing; ListAccountAliases beside the scopes.
//     The last member's AssumeRole starts >= max(0, (A-1-B)/r) s after the listing.
//  4. One account + region: every API has its own bucket. Instances: p = ceil(N/1000) pages,
//     and DescribeImages needs the image IDs of a listed page, so >= max(p*L, 2L) when N > 0
//     (one empty page otherwise). Hosts ceil(H/500) pages, RDS ceil(D/100), reserved instances
//     one call. The region's time is the longest of these chains; regions run in parallel.
//  T >= (1 + ceil(A/20)) L + max(0, (A-1-B)/r) + L (AssumeRole) + L (DescribeRegions) + T_region
import { DEFAULT_THROTTLE } from "../../simulator/src/faults/faults";
import type { WorldSpec } from "../../simulator/src/index";
import type { WorldShape } from "./world";

const ORG_PAGE = 20;
const API_MAX = { instances: 1000, hosts: 500, rds: 100, imageIds: 200 };

export type LowerBound = {
  totalMs: number;
  components: { label: string; ms: number }[];
  throttle: { burst: number; refillPerSecond: number };
};

function pageSizes(spec: WorldSpec) {
  const cap = spec.limits?.maxPageSize ?? Infinity;
  return {
    instances: Math.min(API_MAX.instances, cap),
    hosts: Math.min(API_MAX.hosts, cap),
    rds: Math.min(API_MAX.rds, cap),
    org: Math.min(ORG_PAGE, cap),
    imageIds: API_MAX.imageIds,
  };
}

const pagesOf = (items: number, size: number) => Math.max(1, Math.ceil(items / size));

export function lowerBound(spec: WorldSpec, shape: WorldShape, latencyMs: number): LowerBound {
  const t = { ...DEFAULT_THROTTLE, ...spec.faults?.throttle };
  const B = t.enabled === false ? Infinity : t.burst;
  const r = t.refillPerSecond;
  const L = latencyMs;
  const size = pageSizes(spec);
  const chain = (pages: number) => Math.max(pages * L, pages > B ? ((pages - B) / r) * 1000 + L : 0);
  const members = shape.accounts - 1;

  const orgListing = L + chain(pagesOf(shape.accounts, size.org));
  const assumeRoleWait = members > B ? ((members - B) / r) * 1000 : 0;
  const assumeRole = members > 0 ? L : 0;
  const describeRegions = L;
  const n = shape.region;
  const instances = n.instances > 0 ? Math.max(chain(pagesOf(n.instances, size.instances)), 2 * L) : L;
  const regionChain = Math.max(
    instances,
    chain(pagesOf(n.hosts, size.hosts)),
    chain(pagesOf(n.dbInstances, size.rds)),
    L,
  );
  const components = [
    { label: `ListRoots + ListAccounts (${pagesOf(shape.accounts, size.org)} pages)`, ms: orgListing },
    { label: `AssumeRole bucket wait (${members} calls, burst ${B}, ${r}/s)`, ms: assumeRoleWait },
    { label: "AssumeRole", ms: assumeRole },
    { label: "DescribeRegions", ms: describeRegions },
    {
      label: `longest region chain (DescribeInstances ${pagesOf(n.instances, size.instances)} page(s) -> DescribeImages)`,
      ms: regionChain,
    },
  ];
  return {
    totalMs: components.reduce((sum, c) => sum + c.ms, 0),
    components,
    throttle: { burst: B, refillPerSecond: r },
  };
}

// Requests of one complete collection (no retries): what the naive sequential client sends, and
// what the collector should send. DescribeImages: one call per 200 new AMIs; every AMI of a
// region shows on the first page here (at most one per instance profile).
export function requestCount(spec: WorldSpec, shape: WorldShape): { total: number; byApi: Record<string, number> } {
  const size = pageSizes(spec);
  const A = shape.accounts;
  const R = A * shape.regionsPerAccount;
  const n = shape.region;
  const byApi: Record<string, number> = {
    "sts:GetCallerIdentity": 1,
    "organizations:ListRoots": 1,
    "organizations:ListAccounts": pagesOf(A, size.org),
    "sts:AssumeRole": A - 1,
    "ec2:DescribeRegions": A,
    "iam:ListAccountAliases": A,
    "ec2:DescribeInstances": R * pagesOf(n.instances, size.instances),
    "ec2:DescribeImages": n.instances > 0 ? R * Math.ceil(n.images / size.imageIds) : 0,
    "ec2:DescribeHosts": R * pagesOf(n.hosts, size.hosts),
    "ec2:DescribeReservedInstances": R,
    "rds:DescribeDBInstances": R * pagesOf(n.dbInstances, size.rds),
  };
  return { total: Object.values(byApi).reduce((a, b) => a + b, 0), byApi };
}
