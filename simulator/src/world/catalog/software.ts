// Software as SSM Inventory reports it: the platform an instance's AMI brings (operating system
// name, the agent, a few packages) and the licensable products the demo installs on purpose.
// Names, publishers and registry paths follow what the agent really reports, since the
// collector's recognition rules key on them.
import type { Ec2Instance, InventoryApplication, InventoryRegistryValue } from "../types";

export interface PlatformSoftware {
  PlatformName: string;
  PlatformVersion: string;
  applications: Omit<InventoryApplication, "InstalledTime">[];
  registry?: InventoryRegistryValue[];
}

const rpm = (Name: string, Publisher: string, Version: string, ApplicationType: string, Architecture = "x86_64") => ({
  Name,
  Publisher,
  Version,
  ApplicationType,
  Architecture,
});
// Windows programs carry no package group; the agent reports an empty ApplicationType.
const msi = (Name: string, Publisher: string, Version: string) => rpm(Name, Publisher, Version, "");

/** One agent release everywhere, so DescribeInstanceInformation and the programs list agree. */
export const AGENT_VERSION = "3.3.1142.0";
const SSM_AGENT_RPM = rpm("amazon-ssm-agent", "Amazon.com", AGENT_VERSION, "Unspecified");

const AMAZON_LINUX: PlatformSoftware = {
  PlatformName: "Amazon Linux",
  PlatformVersion: "2023",
  applications: [
    SSM_AGENT_RPM,
    rpm("bash", "Amazon Linux", "5.2.15", "Unspecified"),
    rpm("openssl-libs", "Amazon Linux", "3.0.8", "Unspecified"),
    rpm("systemd", "Amazon Linux", "252.23", "Unspecified"),
    rpm("python3", "Amazon Linux", "3.9.16", "Unspecified"),
  ],
};

const RHEL: PlatformSoftware = {
  PlatformName: "Red Hat Enterprise Linux",
  PlatformVersion: "9.4",
  applications: [
    SSM_AGENT_RPM,
    rpm("redhat-release", "Red Hat, Inc.", "9.4", "Unspecified"),
    rpm("bash", "Red Hat, Inc.", "5.1.8", "Unspecified"),
    rpm("openssl-libs", "Red Hat, Inc.", "3.0.7", "Unspecified"),
  ],
};

const windows = (edition: string, build: string): PlatformSoftware => ({
  PlatformName: `Microsoft Windows Server ${edition} Datacenter`,
  PlatformVersion: build,
  applications: [
    msi("Amazon SSM Agent", "Amazon Web Services", AGENT_VERSION),
    msi("AWS PV Drivers", "Amazon Web Services", "8.4.3"),
    msi("Microsoft Edge", "Microsoft Corporation", "131.0.2903.51"),
  ],
});

const WINDOWS_2022 = windows("2022", "10.0.20348");
const WINDOWS_2019 = windows("2019", "10.0.17763");

/** SQL Server major versions by release year: the registry path carries the major (MSSQL16). */
const SQL_RELEASES = {
  "2019": { major: 15, version: "15.0.2000.5" },
  "2022": { major: 16, version: "16.0.1000.6" },
} as const;

export type SqlEdition =
  | "Enterprise Edition: Core-based Licensing"
  | "Standard Edition"
  | "Web Edition"
  | "Developer Edition"
  | "Express Edition";

/**
 * SQL Server as the agent sees it: the programs list names the release but not the edition, so
 * the edition comes from the registry value the inventory association collects.
 */
export function sqlServer(year: keyof typeof SQL_RELEASES, edition: SqlEdition): PlatformSoftwareAddition {
  const { major, version } = SQL_RELEASES[year];
  const setup = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Microsoft SQL Server\\MSSQL${major}.MSSQLSERVER\\Setup`;
  return {
    applications: [
      msi(`Microsoft SQL Server ${year} (64-bit)`, "Microsoft Corporation", version),
      msi(`SQL Server ${year} Database Engine Services`, "Microsoft Corporation", version),
    ],
    registry: [
      { KeyPath: setup, ValueName: "Edition", ValueType: "REG_SZ", Value: edition },
      { KeyPath: setup, ValueName: "Version", ValueType: "REG_SZ", Value: version },
    ],
  };
}

export interface PlatformSoftwareAddition {
  applications: Omit<InventoryApplication, "InstalledTime">[];
  registry?: InventoryRegistryValue[];
}

/** Oracle's own RPM for Database 19c Enterprise Edition (Oracle on EC2 is always BYOL). */
export const ORACLE_DATABASE_EE: PlatformSoftwareAddition = {
  applications: [rpm("oracle-database-ee-19c", "Oracle Corporation", "1.0", "Applications/Databases")],
};

export const IBM_MQ: PlatformSoftwareAddition = {
  applications: [
    rpm("MQSeriesRuntime", "IBM", "9.3.0.0", "Applications/System"),
    rpm("MQSeriesServer", "IBM", "9.3.0.0", "Applications/System"),
  ],
};

/** Licence-included SQL Server AMIs carry the edition their UsageOperation bills for. */
const SQL_BY_PLATFORM: Record<string, SqlEdition> = {
  "Windows with SQL Server Enterprise": "Enterprise Edition: Core-based Licensing",
  "Windows with SQL Server Standard": "Standard Edition",
  "Windows with SQL Server Web": "Web Edition",
};

/** What the instance's AMI puts on it, from its PlatformDetails. */
export function platformSoftware(i: Ec2Instance): PlatformSoftware {
  const d = i.PlatformDetails;
  if (d.startsWith("Red Hat")) return RHEL;
  if (d === "Windows BYOL") return WINDOWS_2019;
  if (i.Platform !== "windows") return AMAZON_LINUX;
  const edition = SQL_BY_PLATFORM[d];
  if (!edition) return WINDOWS_2022;
  const sql = sqlServer("2022", edition);
  return { ...WINDOWS_2022, applications: [...WINDOWS_2022.applications, ...sql.applications], registry: sql.registry };
}

/** Generic packages to pad a node up to N applications (scale worlds), one distinct name each. */
const FILLER = ["libxml2", "zlib", "curl", "git", "nginx", "nodejs", "java-17-openjdk", "perl", "rsync", "tar"];

export function fillerApplication(n: number, i: Ec2Instance): Omit<InventoryApplication, "InstalledTime"> {
  const name = `${FILLER[n % FILLER.length]}-${Math.floor(n / FILLER.length) + 1}`;
  const version = `1.${n % 20}.${n % 7}`;
  return i.Platform === "windows"
    ? msi(name, "Acme Packaging", version)
    : rpm(name, "Acme Packaging", version, "Unspecified", i.Architecture === "arm64" ? "aarch64" : "x86_64");
}

/** The CPU the instance type runs on, as AWS:InstanceDetailedInformation names it. */
export function cpuOf(instanceType: string, architecture: string): { model: string; mhz: number } {
  const family = instanceType.split(".")[0];
  if (architecture === "arm64")
    return family.includes("7") ? { model: "Neoverse-V1", mhz: 2600 } : { model: "Neoverse-N1", mhz: 2500 };
  if (/^[a-z]+\d+a/.test(family)) return { model: "AMD EPYC 7R13 Processor", mhz: 2650 };
  return { model: "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", mhz: 2900 };
}
