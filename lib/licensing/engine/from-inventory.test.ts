import { describe, expect, it } from "vitest";
import { recognize } from "../recognition";
import { RULE_PARAMETERS } from "../rule-parameters";
import { licenceRequirements } from "./requirements";

// From SSM Inventory facts to requirement lines, the way the collector and the pages will chain them.
const SETUP = String.raw`HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Microsoft SQL Server\MSSQL15.MSSQLSERVER\Setup`;
const P = RULE_PARAMETERS;

describe("recognition feeding the engine", () => {
  it("Oracle EE on a Linux instance, SQL Server Standard installed on a licence-included Windows instance, SQL Developer, IBM MQ", () => {
    const instances = [
      {
        id: "i-oracle",
        vcpus: 8,
        threadsPerCore: 2,
        usageOperation: "RunInstances",
        products: recognize({ applications: [{ name: "Oracle Database 19c Enterprise Edition" }] }),
      },
      {
        id: "i-sql",
        vcpus: 2,
        usageOperation: "RunInstances:0002",
        products: recognize({
          platformName: "Microsoft Windows Server 2022 Datacenter",
          registry: [{ keyPath: SETUP, valueName: "Edition", value: "Standard Edition" }],
        }),
      },
      {
        id: "i-dev",
        vcpus: 16,
        usageOperation: "RunInstances:0002",
        products: recognize({ registry: [{ keyPath: SETUP, valueName: "Edition", value: "Developer Edition" }] }),
      },
      {
        id: "i-mq",
        vcpus: 4,
        usageOperation: "RunInstances",
        products: recognize({ applications: [{ name: "MQSeriesServer", publisher: "IBM" }] }),
      },
    ];
    const lines = licenceRequirements({ instances });
    expect(lines.map((l) => [l.resource.id, l.product, l.edition, l.basis, l.quantity])).toEqual([
      ["i-oracle", "oracle-database", "Enterprise Edition", "BYOL", 8 / P.oracle.vcpusPerProcessorWithHyperThreading],
      ["i-sql", "sql-server", "Standard", "BYOL", Math.max(2, P.sqlServer.minCoresPerInstance)],
      ["i-sql", "windows-server", "Datacenter", "licence included", 0],
      ["i-dev", "sql-server", "Developer", "free edition", 0],
      ["i-dev", "windows-server", null, "licence included", 0],
      ["i-mq", "ibm-mq", null, "BYOL", 4 * P.ibm.pvusPerVcpu],
    ]);
    // The SQL Server line shows the registry fact it rests on.
    expect(lines[1].evidence[0]).toMatch(/^AWS:WindowsRegistry .*Edition = "Standard Edition" matched rule/);
  });
});
