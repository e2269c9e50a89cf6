import { describe, expect, it } from "vitest";
import { decodeUsageOperation } from "./usage-operation";

describe("decodeUsageOperation", () => {
  // AWS's table of PlatformDetails / UsageOperation pairs, row by row.
  it.each([
    ["RunInstances", "Linux/UNIX", "Linux/UNIX", "none"],
    ["RunInstances:0002", "Windows", "Windows", "license-included"],
    ["RunInstances:0800", "Windows BYOL", "Windows", "byol"],
    [
      "RunInstances:0102",
      "Windows with SQL Server Enterprise",
      "Windows with SQL Server Enterprise",
      "license-included",
    ],
    ["RunInstances:0006", "Windows with SQL Server Standard", "Windows with SQL Server Standard", "license-included"],
    ["RunInstances:0202", "Windows with SQL Server Web", "Windows with SQL Server Web", "license-included"],
    ["RunInstances:0100", "SQL Server Enterprise", "Linux with SQL Server Enterprise", "license-included"],
    ["RunInstances:0004", "SQL Server Standard", "Linux with SQL Server Standard", "license-included"],
    ["RunInstances:0200", "SQL Server Web", "Linux with SQL Server Web", "license-included"],
    ["RunInstances:0010", "Red Hat Enterprise Linux", "RHEL", "license-included"],
    ["RunInstances:00g0", "Red Hat BYOL Linux", "RHEL", "byol"],
    ["RunInstances:1010", "Red Hat Enterprise Linux with HA", "RHEL with HA", "license-included"],
    [
      "RunInstances:0014",
      "Red Hat Enterprise Linux with SQL Server Standard",
      "RHEL with SQL Server Standard",
      "license-included",
    ],
    [
      "RunInstances:0110",
      "Red Hat Enterprise Linux with SQL Server Enterprise",
      "RHEL with SQL Server Enterprise",
      "license-included",
    ],
    [
      "RunInstances:0210",
      "Red Hat Enterprise Linux with SQL Server Web",
      "RHEL with SQL Server Web",
      "license-included",
    ],
    [
      "RunInstances:1014",
      "Red Hat Enterprise Linux with SQL Server Standard and HA",
      "RHEL with SQL Server Standard and HA",
      "license-included",
    ],
    [
      "RunInstances:1110",
      "Red Hat Enterprise Linux with SQL Server Enterprise and HA",
      "RHEL with SQL Server Enterprise and HA",
      "license-included",
    ],
    ["RunInstances:000g", "SUSE Linux", "SUSE Linux", "license-included"],
    ["RunInstances:0g00", "Ubuntu Pro", "Ubuntu Pro", "license-included"],
  ])("%s (%s) is %s, %s", (usageOperation, platformDetails, licensedProduct, licenceModel) => {
    expect(decodeUsageOperation(usageOperation, platformDetails)).toEqual({ licensedProduct, licenceModel });
    // The billing code alone is enough, and PlatformDetails alone gives the same answer.
    expect(decodeUsageOperation(usageOperation, null)).toEqual({ licensedProduct, licenceModel });
    expect(decodeUsageOperation(undefined, platformDetails)).toEqual({ licensedProduct, licenceModel });
  });

  it("trusts the billing code over a contradicting PlatformDetails", () => {
    expect(decodeUsageOperation("RunInstances:0800", "Windows")).toEqual({
      licensedProduct: "Windows",
      licenceModel: "byol",
    });
  });

  it("falls back to PlatformDetails for an unlisted billing code, matching case-insensitively", () => {
    expect(decodeUsageOperation("RunInstances:9999", "windows byol")).toEqual({
      licensedProduct: "Windows",
      licenceModel: "byol",
    });
    expect(decodeUsageOperation("", " Red Hat Enterprise Linux ")).toEqual({
      licensedProduct: "RHEL",
      licenceModel: "license-included",
    });
  });

  it("recognises unlisted PlatformDetails variants by the software they name", () => {
    expect(decodeUsageOperation(null, "Windows Server 2025 BYOL")).toEqual({
      licensedProduct: "Windows",
      licenceModel: "byol",
    });
    expect(decodeUsageOperation(null, "Red Hat Enterprise Linux for SAP")).toEqual({
      licensedProduct: "RHEL",
      licenceModel: "license-included",
    });
    expect(decodeUsageOperation(null, "SUSE Linux Enterprise Server for SAP")).toEqual({
      licensedProduct: "SUSE Linux",
      licenceModel: "license-included",
    });
  });

  it("knows a Windows instance without billing details is Windows, licensed in an unknown way", () => {
    expect(decodeUsageOperation(null, null, "windows")).toEqual({
      licensedProduct: "Windows",
      licenceModel: "unknown",
    });
    expect(decodeUsageOperation(null, "", "Windows")).toEqual({ licensedProduct: "Windows", licenceModel: "unknown" });
  });

  it("says unknown rather than guessing", () => {
    expect(decodeUsageOperation(null, null)).toEqual({ licensedProduct: "unknown", licenceModel: "unknown" });
    expect(decodeUsageOperation("RunInstances:9999", "Some Marketplace OS")).toEqual({
      licensedProduct: "unknown",
      licenceModel: "unknown",
    });
    expect(decodeUsageOperation(undefined, undefined, null)).toEqual({
      licensedProduct: "unknown",
      licenceModel: "unknown",
    });
  });
});
