// The query shapes of the page-latency sample: the UI's filters (dropdown values, free text,
// tag) with several sorts, from broad (every row) to narrow (one account's stopped machines).
import { accountOf } from "./inventory-world";

export type QueryShape = { id: string; params: Record<string, string> };

const aliased = accountOf(0, 4); // n = 4: has an alias
const plain = accountOf(1, 3); // n = 13: no alias

export const SHAPES: QueryShape[] = [
  { id: "all by launchTime desc", params: { sort: "launchTime", order: "desc" } },
  { id: "all by vcpus", params: { sort: "vcpus" } },
  { id: "licenceModel=byol by launchTime desc", params: { licenceModel: "byol", sort: "launchTime", order: "desc" } },
  { id: "instanceType by vcpus desc", params: { instanceType: "m5.xlarge", sort: "vcpus", order: "desc" } },
  { id: "region+state=stopped by instanceId", params: { region: "eu-west-1", state: "stopped", sort: "instanceId" } },
  { id: "account id by launchTime desc", params: { account: plain.accountId, sort: "launchTime", order: "desc" } },
  { id: "account alias by name", params: { account: aliased.alias!, sort: "name" } },
  {
    id: "licensedProduct=RHEL by lastSeenAt desc",
    params: { licensedProduct: "RHEL", sort: "lastSeenAt", order: "desc" },
  },
  { id: "q=sqlent by vcpus desc", params: { q: "sqlent", sort: "vcpus", order: "desc" } },
  { id: "tag CostCenter by launchTime desc", params: { tag: "CostCenter=CC-1003", sort: "launchTime", order: "desc" } },
];

export const PAGE_SIZE = 50;
