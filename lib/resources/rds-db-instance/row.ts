import type { Tags, LicenceModel } from "../rows";

// What the collector stores for one RDS DB instance (PRODUCT.md "Fields that matter").
export type DbInstanceRow = {
  dbInstanceIdentifier: string;
  dbInstanceArn: string | null;
  dbiResourceId: string | null;
  engine: string | null;
  engineVersion: string | null;
  // Normalised from LicenseModel: "bring-your-own-license" -> "byol", "license-included" -> same,
  // "general-public-license" / "postgresql-license" -> "none".
  licenceModel: LicenceModel;
  licenseModel: string | null; // AWS's own value
  dbInstanceClass: string | null;
  coreCount: number | null; // ProcessorFeatures coreCount, else the class's default
  threadsPerCore: number | null;
  vcpus: number | null;
  status: string | null;
  instanceCreateTime: string | null;
  multiAz: boolean | null;
  availabilityZone: string | null;
  secondaryAvailabilityZone: string | null;
  readReplicaSourceDbInstanceIdentifier: string | null;
  readReplicaDbInstanceIdentifiers: string[];
  replicaMode: string | null;
  optionGroups: string[];
  dbClusterIdentifier: string | null;
  storageType: string | null;
  allocatedStorageGb: number | null;
  endpointAddress: string | null;
  endpointPort: number | null;
  tags: Tags;
  raw: unknown;
};
