import { describe, expect, it } from "vitest";
import { uniqueSoftwareIds } from "./identity";
import { mapApplications } from "./map";
import { sqlSetupFacts } from "./recognition";

const SETUP = String.raw`HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Microsoft SQL Server\MSSQL15.MSSQLSERVER\Setup`;
const app = (Name: string, Publisher: string, Version: string, Architecture = "x86_64") => ({
  Name,
  Publisher,
  Version,
  Architecture,
  ApplicationType: "",
  InstalledTime: "2026-01-02T03:04:05Z",
});

describe("installed software rows", () => {
  it("folds the SQL Server Setup key's edition into the application that names the product", () => {
    const registry = sqlSetupFacts([
      { KeyPath: SETUP, ValueName: "Edition", ValueType: "REG_SZ", Value: "Standard Edition" },
      { KeyPath: String.raw`HKEY_LOCAL_MACHINE\SOFTWARE\Other`, ValueName: "Edition", Value: "x" },
    ]);
    expect(registry).toHaveLength(1);
    const rows = mapApplications(
      "i-1",
      [
        app("Microsoft SQL Server 2019 (64-bit)", "Microsoft Corporation", "15.0.2000.5"),
        app("Microsoft Edge", "Microsoft Corporation", "131.0"),
      ],
      registry,
    );
    expect(rows[0]).toMatchObject({ product: "sql-server", edition: "Standard", licenceFree: false });
    expect(rows[0].evidence.map((e) => e.source).sort()).toEqual(["AWS:Application", "AWS:WindowsRegistry"]);
    // The registry alone does not make Edge a SQL Server.
    expect(rows[1]).toMatchObject({ product: null, edition: null, licenceFree: null, evidence: [] });
  });

  it("identity: instance, name, publisher and architecture; an older side-by-side copy keeps its version", () => {
    const apps = [
      { instanceId: "i-1", name: "kernel", publisher: "Amazon", architecture: "x86_64", version: "5.10.1" },
      { instanceId: "i-1", name: "kernel", publisher: "Amazon", architecture: "x86_64", version: "5.10.12" },
      { instanceId: "i-1", name: "openssl-libs", publisher: "Amazon", architecture: "i686", version: "3" },
      { instanceId: "i-1", name: "openssl-libs", publisher: "Amazon", architecture: "x86_64", version: "3" },
    ];
    expect(uniqueSoftwareIds(apps)).toEqual([
      "i-1|kernel|Amazon|x86_64|5.10.1",
      "i-1|kernel|Amazon|x86_64",
      "i-1|openssl-libs|Amazon|i686",
      "i-1|openssl-libs|Amazon|x86_64",
    ]);
  });
});
