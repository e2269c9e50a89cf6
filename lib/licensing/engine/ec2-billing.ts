import { decodeUsageOperation, type DecodedLicence } from "../usage-operation";
import type { Ec2InstanceInput } from "./types";

export type ModelWord = "licence included" | "BYOL" | "unknown";

export type Ec2Billing = {
  decoded: DecodedLicence;
  /** "UsageOperation RunInstances:0006: Windows with SQL Server Standard, license-included". */
  evidence: string;
  /** The SQL Server edition AWS bills for (licence-included), if any. */
  sqlIncludedEdition: string | null;
  /** How Windows is licensed; null when the billing says the instance is not Windows. */
  windows: ModelWord | null;
  rhel: ModelWord | null;
};

const WORD: Record<DecodedLicence["licenceModel"], ModelWord> = {
  "license-included": "licence included",
  byol: "BYOL",
  none: "unknown",
  unknown: "unknown",
};

/** What AWS bills an instance for (usage-operation.ts), in the words the rules use. */
export function ec2Billing(instance: Ec2InstanceInput): Ec2Billing {
  const decoded = decodeUsageOperation(instance.usageOperation, instance.platformDetails, instance.platform);
  const code = instance.usageOperation?.trim() || `PlatformDetails ${JSON.stringify(instance.platformDetails ?? "")}`;
  const included = decoded.licenceModel === "license-included";
  const sql = included ? /SQL Server (Enterprise|Standard|Web)/.exec(decoded.licensedProduct) : null;
  return {
    decoded,
    evidence: `UsageOperation ${code}: ${decoded.licensedProduct}, ${decoded.licenceModel}`,
    sqlIncludedEdition: sql ? sql[1] : null,
    windows: decoded.licensedProduct.startsWith("Windows") ? WORD[decoded.licenceModel] : null,
    rhel: decoded.licensedProduct.startsWith("RHEL") ? WORD[decoded.licenceModel] : null,
  };
}
