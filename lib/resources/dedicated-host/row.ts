import type { Tags } from "../rows";

// What the collector stores for one dedicated host (PRODUCT.md "Fields that matter").
export type HostRow = {
  hostId: string;
  ownerId: string | null;
  availabilityZone: string | null;
  state: string | null;
  sockets: number | null;
  cores: number | null;
  totalVcpus: number | null;
  instanceType: string | null;
  instanceFamily: string | null;
  instances: { instanceId: string; instanceType: string | null; ownerId: string | null }[];
  availableVcpus: number | null;
  allocationTime: string | null;
  releaseTime: string | null;
  autoPlacement: string | null;
  hostRecovery: string | null;
  hostReservationId: string | null;
  name: string | null;
  tags: Tags;
  raw: unknown;
};
