// Software profiles of instances: what AWS reports in PlatformDetails / UsageOperation and the
// AMI they are launched from. The UsageOperation codes are the billing codes licence analysis
// keys on (RunInstances:0002 Windows, :0800 Windows BYOL, :0102/:0006/:0202 SQL Server ...).
import { ARM, X86_GENERAL, X86_MEMORY } from "./instance-types";

export interface Profile {
  key: string;
  platform?: "windows";
  platformDetails: string;
  usageOperation: string;
  /** Public AMI owner (amazon / Red Hat) or "self" for an account-owned golden image. */
  imageOwner: "amazon" | "amazonWindows" | "redhat" | "self";
  imageName: string;
  types: string[];
  architecture: "x86_64" | "arm64";
  namePrefix: string;
  /** Cannot run on shared tenancy (BYOL Windows needs dedicated infrastructure). */
  dedicatedOnly?: boolean;
}

const p = (x: Profile) => x;

export const PROFILES: Record<string, Profile> = {
  linux: p({
    key: "linux",
    platformDetails: "Linux/UNIX",
    usageOperation: "RunInstances",
    imageOwner: "amazon",
    imageName: "al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64",
    types: X86_GENERAL,
    architecture: "x86_64",
    namePrefix: "app",
  }),
  linuxArm: p({
    key: "linuxArm",
    platformDetails: "Linux/UNIX",
    usageOperation: "RunInstances",
    imageOwner: "amazon",
    imageName: "al2023-ami-2023.6.20241111.0-kernel-6.1-arm64",
    types: ARM,
    architecture: "arm64",
    namePrefix: "api",
  }),
  linuxGolden: p({
    key: "linuxGolden",
    platformDetails: "Linux/UNIX",
    usageOperation: "RunInstances",
    imageOwner: "self",
    imageName: "acme-base-al2023-2024.10",
    types: X86_GENERAL,
    architecture: "x86_64",
    namePrefix: "svc",
  }),
  windows: p({
    key: "windows",
    platform: "windows",
    platformDetails: "Windows",
    usageOperation: "RunInstances:0002",
    imageOwner: "amazonWindows",
    imageName: "Windows_Server-2022-English-Full-Base-2024.11.13",
    types: X86_GENERAL,
    architecture: "x86_64",
    namePrefix: "win",
  }),
  windowsByol: p({
    key: "windowsByol",
    platform: "windows",
    platformDetails: "Windows BYOL",
    usageOperation: "RunInstances:0800",
    imageOwner: "self",
    imageName: "acme-windows-2019-byol-2024.09",
    types: X86_MEMORY,
    architecture: "x86_64",
    namePrefix: "winbyol",
    dedicatedOnly: true,
  }),
  sqlEnterprise: p({
    key: "sqlEnterprise",
    platform: "windows",
    platformDetails: "Windows with SQL Server Enterprise",
    usageOperation: "RunInstances:0102",
    imageOwner: "amazonWindows",
    imageName: "Windows_Server-2022-English-Full-SQL_2022_Enterprise-2024.11.13",
    types: X86_MEMORY,
    architecture: "x86_64",
    namePrefix: "sqlent",
  }),
  sqlStandard: p({
    key: "sqlStandard",
    platform: "windows",
    platformDetails: "Windows with SQL Server Standard",
    usageOperation: "RunInstances:0006",
    imageOwner: "amazonWindows",
    imageName: "Windows_Server-2022-English-Full-SQL_2022_Standard-2024.11.13",
    types: X86_MEMORY,
    architecture: "x86_64",
    namePrefix: "sqlstd",
  }),
  sqlWeb: p({
    key: "sqlWeb",
    platform: "windows",
    platformDetails: "Windows with SQL Server Web",
    usageOperation: "RunInstances:0202",
    imageOwner: "amazonWindows",
    imageName: "Windows_Server-2022-English-Full-SQL_2022_Web-2024.11.13",
    types: X86_GENERAL,
    architecture: "x86_64",
    namePrefix: "sqlweb",
  }),
  rhel: p({
    key: "rhel",
    platformDetails: "Red Hat Enterprise Linux",
    usageOperation: "RunInstances:0010",
    imageOwner: "redhat",
    imageName: "RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3",
    types: X86_GENERAL,
    architecture: "x86_64",
    namePrefix: "rhel",
  }),
  rhelByol: p({
    key: "rhelByol",
    platformDetails: "Red Hat BYOL Linux",
    usageOperation: "RunInstances:00g0",
    imageOwner: "self",
    imageName: "acme-rhel9-byol-2024.08",
    types: X86_GENERAL,
    architecture: "x86_64",
    namePrefix: "rhelbyol",
  }),
};

/** How a shared-tenancy instance's profile is drawn (weights). */
export const SHARED_MIX: { weight: number; value: string }[] = [
  { weight: 30, value: "linux" },
  { weight: 7, value: "linuxArm" },
  { weight: 7, value: "linuxGolden" },
  { weight: 13, value: "windows" },
  { weight: 3, value: "sqlEnterprise" },
  { weight: 5, value: "sqlStandard" },
  { weight: 3, value: "sqlWeb" },
  { weight: 6, value: "rhel" },
  { weight: 2, value: "rhelByol" },
];

/** Profiles placed on dedicated hosts (per-socket / per-core BYOL is why hosts exist). */
export const HOST_MIX: { weight: number; value: string }[] = [
  { weight: 5, value: "windowsByol" },
  { weight: 2, value: "linux" },
  { weight: 1, value: "rhelByol" },
  { weight: 1, value: "sqlEnterprise" },
];

/** Well-known public AMI owners. */
export const IMAGE_OWNERS: Record<"amazon" | "amazonWindows" | "redhat", { ownerId: string; alias?: string }> = {
  amazon: { ownerId: "137112412989", alias: "amazon" },
  amazonWindows: { ownerId: "801119661308", alias: "amazon" },
  redhat: { ownerId: "309956199498" },
};
