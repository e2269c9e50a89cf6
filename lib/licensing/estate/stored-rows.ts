import type { LicenceModel } from "@/lib/resources/rows";
import type { Evidence, ProductId } from "..";
import type { NodeFacts } from "./software-status";

// What the licence position reads from the current (non-removed) inventory, as plain values:
// load-estate.ts fills these from the database, tests can build them by hand.

type Located = { accountId: string; region: string };

export type StoredInstance = Located & {
  instanceId: string;
  name: string | null;
  state: string | null;
  instanceType: string | null;
  vcpus: number | null;
  coreCount: number | null;
  threadsPerCore: number | null;
  platform: string | null;
  platformDetails: string | null;
  usageOperation: string | null;
  tenancy: string | null;
  hostId: string | null;
};

export type StoredNode = Located &
  NodeFacts & { instanceId: string; hyperThreading: boolean | null; platformName: string | null };

/** One recognised application (InstalledSoftware rows whose product is set). */
export type StoredSoftware = Located & {
  instanceId: string;
  product: ProductId;
  productName: string;
  edition: string | null;
  free: boolean;
  version: string | null;
  evidence: Evidence[];
};

export type StoredHost = Located & {
  hostId: string;
  name: string | null;
  state: string | null;
  sockets: number | null;
  cores: number | null;
};

export type StoredDatabase = Located & {
  dbInstanceIdentifier: string;
  status: string | null;
  engine: string | null;
  licenceModel: LicenceModel;
  vcpus: number | null;
  coreCount: number | null;
  threadsPerCore: number | null;
  multiAz: boolean | null;
};

export type StoredEstate = {
  instances: StoredInstance[];
  nodes: StoredNode[];
  software: StoredSoftware[];
  hosts: StoredHost[];
  databases: StoredDatabase[];
  /** "account|region" cells whose managed nodes and software some connection read in its latest attempt. */
  softwareCellsRead: Set<string>;
  aliases: Map<string, string | null>;
};

export const cellKey = (row: Located) => `${row.accountId}|${row.region}`;
/** Resource ids are unique per account and region; the engine gets them qualified so hosts and instances meet only there. */
export const qualifiedId = (row: Located, id: string) => `${row.accountId}|${row.region}|${id}`;
