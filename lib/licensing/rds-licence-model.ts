import type { LicenceModel } from "@/lib/resources/rows";

// RDS LicenseModel values. Only bring-your-own-license draws on the customer's entitlements
// (PRODUCT.md); license-included and the Marketplace model (Db2 billed through AWS Marketplace)
// are paid through AWS; open-source engines carry no commercial licence at all.
const MODELS: Record<string, LicenceModel> = {
  "bring-your-own-license": "byol",
  "license-included": "license-included",
  "marketplace-license": "license-included",
  "general-public-license": "none",
  "postgresql-license": "none",
  "amazon-license": "none",
};

/** Normalises RDS's LicenseModel; an absent or unrecognised value is "unknown", never guessed. */
export function rdsLicenceModel(licenseModel: string | null | undefined): LicenceModel {
  const key = licenseModel?.trim().toLowerCase();
  if (!key) return "unknown";
  return MODELS[key] ?? "unknown";
}
