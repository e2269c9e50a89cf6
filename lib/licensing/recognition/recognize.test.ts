import { describe, expect, it } from "vitest";
import { recognize } from "./recognize";
import { RECOGNITION_RULES } from "./rules";

const SETUP_2019 = String.raw`HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Microsoft SQL Server\MSSQL15.MSSQLSERVER\Setup`;
const SETUP_EXPRESS = String.raw`HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Microsoft SQL Server\MSSQL16.SQLEXPRESS\Setup`;
const MS = "Microsoft Corporation";
const editions = (facts: Parameters<typeof recognize>[0]) =>
  recognize(facts).map((m) => [m.product, m.edition, m.free]);

describe("recognition rules file", () => {
  it("has unique ids and patterns that compile", () => {
    const ids = RECOGNITION_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RECOGNITION_RULES)
      for (const source of Object.values(rule.match)) expect(() => new RegExp(source as string, "i")).not.toThrow();
  });
});

describe("recognize", () => {
  it("Oracle Database editions from the application name, Express Edition free", () => {
    expect(editions({ applications: [{ name: "Oracle Database 19c Enterprise Edition", version: "19.3.0" }] })).toEqual(
      [["oracle-database", "Enterprise Edition", false]],
    );
    expect(editions({ applications: [{ name: "Oracle Database 19c Standard Edition 2" }] })).toEqual([
      ["oracle-database", "Standard Edition 2", false],
    ]);
    // Oracle's RPM install on Linux names the package after the edition.
    expect(editions({ applications: [{ name: "oracle-database-ee-19c" }] })).toEqual([
      ["oracle-database", "Enterprise Edition", false],
    ]);
    expect(editions({ applications: [{ name: "oracle-database-xe-21c" }] })).toEqual([
      ["oracle-database", "Express Edition", true],
    ]);
    // The preinstall package sets kernel parameters; it is not the database.
    expect(recognize({ applications: [{ name: "oracle-database-preinstall-19c" }] })).toEqual([]);
  });

  it("SQL Server: the registry's Edition value names the edition, the program name supports it", () => {
    const [match, ...rest] = recognize({
      applications: [{ name: "Microsoft SQL Server 2019 (64-bit)", publisher: MS, version: "15.0.2000.5" }],
      registry: [{ keyPath: SETUP_2019, valueName: "Edition", value: "Standard Edition" }],
    });
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ product: "sql-server", edition: "Standard", free: false, version: "15.0.2000.5" });
    expect(match.evidence.map((e) => e.ruleId)).toEqual(["sql-server-edition-standard", "sql-server-application"]);
    expect(match.evidence[0].text).toBe(
      `AWS:WindowsRegistry ${SETUP_2019} Edition = "Standard Edition" matched rule sql-server-edition-standard ` +
        `(keyPath ~ /${String.raw`\\Microsoft SQL Server\\MSSQL\d+\.[^\\]+\\Setup$`}/i, valueName ~ /^Edition$/i, value ~ /^Standard Edition\\b/i)`,
    );
  });

  it.each([
    ["Enterprise Edition: Core-based Licensing", "Enterprise", false],
    ["Enterprise Edition", "Enterprise", false],
    ["Web Edition", "Web", false],
    ["Developer Edition", "Developer", true],
    ["Express Edition with Advanced Services", "Express", true],
    ["Enterprise Evaluation Edition", "Evaluation", true],
  ])("SQL Server registry Edition %s is %s (free: %s)", (value, edition, free) => {
    expect(editions({ registry: [{ keyPath: SETUP_2019, valueName: "Edition", value }] })).toEqual([
      ["sql-server", edition, free],
    ]);
  });

  it("keeps two SQL Server instances of different editions apart", () => {
    expect(
      editions({
        registry: [
          { keyPath: SETUP_2019, valueName: "Edition", value: "Enterprise Edition" },
          { keyPath: SETUP_EXPRESS, valueName: "Edition", value: "Express Edition" },
          // Same key, another value: not an edition fact.
          { keyPath: SETUP_2019, valueName: "Version", value: "15.0.2000.5" },
        ],
      }),
    ).toEqual([
      ["sql-server", "Enterprise", false],
      ["sql-server", "Express", true],
    ]);
  });

  it("SQL Server without an edition fact is recognised with its edition unknown", () => {
    expect(editions({ applications: [{ name: "SQL Server 2022 Database Engine Services", publisher: MS }] })).toEqual([
      ["sql-server", null, false],
    ]);
    expect(editions({ applications: [{ name: "mssql-server", version: "16.0.4135.4-1" }] })).toEqual([
      ["sql-server", null, false],
    ]);
    // Another publisher's program of the same name is not Microsoft's.
    expect(recognize({ applications: [{ name: "Microsoft SQL Server 2019 (64-bit)", publisher: "Contoso" }] })).toEqual(
      [],
    );
  });

  it("Windows Server edition from the platform name", () => {
    expect(editions({ platformName: "Microsoft Windows Server 2019 Datacenter" })).toEqual([
      ["windows-server", "Datacenter", false],
    ]);
    expect(editions({ platformName: "Microsoft Windows Server 2022 Standard" })).toEqual([
      ["windows-server", "Standard", false],
    ]);
    expect(editions({ platformName: "Microsoft Windows Server 2016" })).toEqual([["windows-server", null, false]]);
    expect(recognize({ platformName: "Amazon Linux" })).toEqual([]);
  });

  it("IBM Db2, MQ server (not the client), WebSphere editions", () => {
    expect(
      editions({
        applications: [
          { name: "IBM Db2 Server Edition - DB2COPY1", publisher: "IBM" },
          { name: "MQSeriesServer", publisher: "IBM", version: "9.3.0.0" },
          { name: "IBM MQ Redistributable Client", publisher: "IBM" },
          { name: "IBM WebSphere Application Server Network Deployment V9.0", publisher: "IBM" },
        ],
      }),
    ).toEqual([
      ["ibm-websphere", "Network Deployment", false],
      ["ibm-db2", null, false],
      ["ibm-mq", null, false],
    ]);
    expect(recognize({ applications: [{ name: "IBM MQ Redistributable Client" }] })).toEqual([]);
  });

  it("RHEL from the platform name and its release package, as one match with both facts", () => {
    const matches = recognize({
      platformName: "Red Hat Enterprise Linux",
      applications: [{ name: "redhat-release", publisher: "Red Hat, Inc.", version: "9.4" }],
    });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ product: "rhel", productName: "Red Hat Enterprise Linux", version: "9.4" });
    expect(matches[0].evidence.map((e) => e.ruleId)).toEqual(["rhel-release-package", "rhel-platform"]);
  });

  it("recognises nothing from nothing", () => {
    expect(recognize({})).toEqual([]);
  });
});
