// RDS engines with the licence models AWS offers for each. Oracle Enterprise Edition is
// bring-your-own-license only on RDS; SE2 has both models; SQL Server is licence-included.

export interface EngineInfo {
  key: string;
  engine: string;
  versions: string[];
  licenseModel: string;
  port: number;
  classes: string[];
  optionGroup: string;
  /** RDS lets Oracle instances set coreCount / threadsPerCore ("Optimize CPU"). */
  processorFeatures?: boolean;
}

const e = (x: EngineInfo) => x;

export const ENGINES: EngineInfo[] = [
  e({
    key: "oracle-ee-byol",
    engine: "oracle-ee",
    versions: ["19.0.0.0.ru-2024-10.rur-2024-10.r1", "21.0.0.0.ru-2024-10.rur-2024-10.r1"],
    licenseModel: "bring-your-own-license",
    port: 1521,
    classes: ["db.r5.xlarge", "db.r5.2xlarge", "db.r6i.2xlarge", "db.m5.2xlarge"],
    optionGroup: "default:oracle-ee-19",
    processorFeatures: true,
  }),
  e({
    key: "oracle-se2-byol",
    engine: "oracle-se2",
    versions: ["19.0.0.0.ru-2024-10.rur-2024-10.r1"],
    licenseModel: "bring-your-own-license",
    port: 1521,
    classes: ["db.m5.large", "db.m5.xlarge", "db.r5.xlarge", "db.r5.2xlarge"],
    optionGroup: "default:oracle-se2-19",
    processorFeatures: true,
  }),
  e({
    key: "oracle-se2-li",
    engine: "oracle-se2",
    versions: ["19.0.0.0.ru-2024-07.rur-2024-07.r1"],
    licenseModel: "license-included",
    port: 1521,
    classes: ["db.m5.large", "db.m5.xlarge", "db.r5.large", "db.r5.xlarge"],
    optionGroup: "default:oracle-se2-19",
    processorFeatures: true,
  }),
  e({
    key: "sqlserver-ee",
    engine: "sqlserver-ee",
    versions: ["15.00.4385.2.v1", "16.00.4145.4.v1"],
    licenseModel: "license-included",
    port: 1433,
    classes: ["db.r5.xlarge", "db.r5.2xlarge", "db.m5.2xlarge"],
    optionGroup: "default:sqlserver-ee-15-00",
  }),
  e({
    key: "sqlserver-se",
    engine: "sqlserver-se",
    versions: ["15.00.4385.2.v1"],
    licenseModel: "license-included",
    port: 1433,
    classes: ["db.m5.large", "db.m5.xlarge", "db.r5.xlarge"],
    optionGroup: "default:sqlserver-se-15-00",
  }),
  e({
    key: "sqlserver-web",
    engine: "sqlserver-web",
    versions: ["15.00.4385.2.v1"],
    licenseModel: "license-included",
    port: 1433,
    classes: ["db.t3.medium", "db.m5.large"],
    optionGroup: "default:sqlserver-web-15-00",
  }),
  e({
    key: "postgres",
    engine: "postgres",
    versions: ["16.4", "15.8"],
    licenseModel: "postgresql-license",
    port: 5432,
    classes: ["db.t3.medium", "db.m5.large", "db.m6i.xlarge", "db.r5.large"],
    optionGroup: "default:postgres-16",
  }),
  e({
    key: "mysql",
    engine: "mysql",
    versions: ["8.0.39", "8.4.3"],
    licenseModel: "general-public-license",
    port: 3306,
    classes: ["db.t3.medium", "db.m5.large", "db.r5.large"],
    optionGroup: "default:mysql-8-0",
  }),
  e({
    key: "mariadb",
    engine: "mariadb",
    versions: ["10.11.9"],
    licenseModel: "general-public-license",
    port: 3306,
    classes: ["db.t3.medium", "db.m5.large"],
    optionGroup: "default:mariadb-10-11",
  }),
];

export const ENGINE_MIX: { weight: number; value: string }[] = [
  { weight: 4, value: "oracle-ee-byol" },
  { weight: 2, value: "oracle-se2-byol" },
  { weight: 2, value: "oracle-se2-li" },
  { weight: 2, value: "sqlserver-ee" },
  { weight: 2, value: "sqlserver-se" },
  { weight: 1, value: "sqlserver-web" },
  { weight: 5, value: "postgres" },
  { weight: 4, value: "mysql" },
  { weight: 1, value: "mariadb" },
];

export function engineInfo(key: string): EngineInfo {
  const info = ENGINES.find((x) => x.key === key);
  if (!info) throw new Error(`unknown engine profile: ${key}`);
  return info;
}

/** vCPUs of a DB instance class (db.r5.2xlarge → 8). */
export function dbClassVcpus(cls: string): number {
  const size = cls.split(".")[2];
  const table: Record<string, number> = { medium: 2, large: 2, xlarge: 4, "2xlarge": 8, "4xlarge": 16, "8xlarge": 32 };
  return table[size] ?? 2;
}
