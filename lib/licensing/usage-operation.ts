import type { LicenceModel } from "@/lib/resources/rows";

export type DecodedLicence = { licensedProduct: string; licenceModel: LicenceModel };

const li = (licensedProduct: string): DecodedLicence => ({ licensedProduct, licenceModel: "license-included" });
const byol = (licensedProduct: string): DecodedLicence => ({ licensedProduct, licenceModel: "byol" });

// AWS's "AMI billing information" table (EC2 User Guide, billing-info-fields): the billing code
// in UsageOperation is what AWS charges for, so it is the authority on licence-included versus
// BYOL. PlatformDetails only names the software and is used when the code is missing.
const BY_USAGE_OPERATION: Record<string, DecodedLicence> = {
  RunInstances: { licensedProduct: "Linux/UNIX", licenceModel: "none" },
  "RunInstances:0002": li("Windows"),
  "RunInstances:0800": byol("Windows"),
  "RunInstances:0102": li("Windows with SQL Server Enterprise"),
  "RunInstances:0006": li("Windows with SQL Server Standard"),
  "RunInstances:0202": li("Windows with SQL Server Web"),
  "RunInstances:0100": li("Linux with SQL Server Enterprise"),
  "RunInstances:0004": li("Linux with SQL Server Standard"),
  "RunInstances:0200": li("Linux with SQL Server Web"),
  "RunInstances:0010": li("RHEL"),
  "RunInstances:00g0": byol("RHEL"),
  "RunInstances:1010": li("RHEL with HA"),
  "RunInstances:0014": li("RHEL with SQL Server Standard"),
  "RunInstances:0110": li("RHEL with SQL Server Enterprise"),
  "RunInstances:0210": li("RHEL with SQL Server Web"),
  "RunInstances:1014": li("RHEL with SQL Server Standard and HA"),
  "RunInstances:1110": li("RHEL with SQL Server Enterprise and HA"),
  "RunInstances:000g": li("SUSE Linux"),
  "RunInstances:0g00": li("Ubuntu Pro"),
};

// PlatformDetails values of the same table, for records without UsageOperation (older Config
// items, hand-made exports). Exact matches first; the patterns below catch variants.
const BY_PLATFORM_DETAILS: Record<string, DecodedLicence> = {
  "linux/unix": BY_USAGE_OPERATION.RunInstances,
  windows: li("Windows"),
  "windows byol": byol("Windows"),
  "windows with sql server enterprise": li("Windows with SQL Server Enterprise"),
  "windows with sql server standard": li("Windows with SQL Server Standard"),
  "windows with sql server web": li("Windows with SQL Server Web"),
  "sql server enterprise": li("Linux with SQL Server Enterprise"),
  "sql server standard": li("Linux with SQL Server Standard"),
  "sql server web": li("Linux with SQL Server Web"),
  "red hat enterprise linux": li("RHEL"),
  "red hat byol linux": byol("RHEL"),
  "red hat enterprise linux with ha": li("RHEL with HA"),
  "red hat enterprise linux with sql server standard": li("RHEL with SQL Server Standard"),
  "red hat enterprise linux with sql server enterprise": li("RHEL with SQL Server Enterprise"),
  "red hat enterprise linux with sql server web": li("RHEL with SQL Server Web"),
  "red hat enterprise linux with sql server standard and ha": li("RHEL with SQL Server Standard and HA"),
  "red hat enterprise linux with sql server enterprise and ha": li("RHEL with SQL Server Enterprise and HA"),
  "suse linux": li("SUSE Linux"),
  "ubuntu pro": li("Ubuntu Pro"),
};

const UNKNOWN: DecodedLicence = { licensedProduct: "unknown", licenceModel: "unknown" };

/**
 * What an EC2 instance is licensed for and how, from UsageOperation (authoritative) or, when
 * that is absent or unrecognised, PlatformDetails; `platform` ("windows") is the last resort.
 */
export function decodeUsageOperation(
  usageOperation: string | null | undefined,
  platformDetails: string | null | undefined,
  platform?: string | null,
): DecodedLicence {
  const code = usageOperation?.trim();
  if (code && BY_USAGE_OPERATION[code]) return BY_USAGE_OPERATION[code];
  const fromDetails = decodePlatformDetails(platformDetails);
  if (fromDetails) return fromDetails;
  // Windows without billing details: the product is known, how it is licensed is not.
  if (platform?.toLowerCase() === "windows") return { licensedProduct: "Windows", licenceModel: "unknown" };
  return UNKNOWN;
}

function decodePlatformDetails(platformDetails: string | null | undefined): DecodedLicence | undefined {
  const text = platformDetails?.trim().toLowerCase();
  if (!text) return undefined;
  if (BY_PLATFORM_DETAILS[text]) return BY_PLATFORM_DETAILS[text];
  // Unlisted variants still name their software; BYOL in the name means the customer's licence.
  const model: LicenceModel = /\bbyol\b/.test(text) ? "byol" : "license-included";
  if (text.startsWith("windows")) return { licensedProduct: "Windows", licenceModel: model };
  if (text.startsWith("red hat")) return { licensedProduct: "RHEL", licenceModel: model };
  if (text.startsWith("suse")) return { licensedProduct: "SUSE Linux", licenceModel: model };
  return undefined;
}
