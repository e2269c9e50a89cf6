import type { Evidence } from "@/lib/licensing";

// What the collector stores for one application on one instance (SSM AWS:Application), with
// the product and edition lib/licensing recognised in it (SQL Server's edition comes from the
// node's AWS:WindowsRegistry Setup keys) and the facts that matched, for the drawer.
export type InstalledSoftwareRow = {
  /** instanceId|name|publisher|architecture: see identity.ts for why the version is not in it. */
  softwareId: string;
  instanceId: string;
  name: string;
  publisher: string | null;
  version: string | null;
  architecture: string | null;
  applicationType: string | null;
  installedTime: string | null;
  product: string | null;
  productName: string | null;
  edition: string | null;
  licenceFree: boolean | null;
  evidence: Evidence[];
  raw: unknown;
};
