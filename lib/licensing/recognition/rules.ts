import type { RecognitionRule } from "./rule-types";

// The recognition rules file: data only. Add or adjust a row to recognise more software; the
// matcher (recognize.ts) has no product knowledge of its own. Patterns are regular expressions
// matched case-insensitively; String.raw keeps registry backslashes readable.

const MICROSOFT = "^Microsoft Corporation$";
const IBM = String.raw`^(IBM|International Business Machines)\b`;
// Named-instance Setup keys: ...\Microsoft SQL Server\MSSQL15.MSSQLSERVER\Setup (15 = SQL Server 2019).
const SQL_SETUP_KEY = String.raw`\\Microsoft SQL Server\\MSSQL\d+\.[^\\]+\\Setup$`;
const sqlEdition = (id: string, edition: string, free: boolean, value: string): RecognitionRule => ({
  id,
  product: "sql-server",
  edition,
  free,
  source: "AWS:WindowsRegistry",
  match: { keyPath: SQL_SETUP_KEY, valueName: "^Edition$", value },
});

export const RECOGNITION_RULES: readonly RecognitionRule[] = [
  // Oracle Database: the Windows installer's and Oracle's own product names carry the edition.
  {
    id: "oracle-database-ee",
    product: "oracle-database",
    edition: "Enterprise Edition",
    free: false,
    source: "AWS:Application",
    // Or Oracle's RPM install on Linux (oracle-database-ee-19c, -21c): its package name.
    match: { name: String.raw`^(Oracle Database\b.*\bEnterprise Edition\b|oracle-database-ee-\d+c$)` },
  },
  {
    id: "oracle-database-se2",
    product: "oracle-database",
    edition: "Standard Edition 2",
    free: false,
    source: "AWS:Application",
    match: { name: String.raw`^Oracle Database\b.*\bStandard Edition 2\b` },
  },
  // Express Edition and Database Free are free of charge; their RPMs are named after them.
  {
    id: "oracle-database-xe",
    product: "oracle-database",
    edition: "Express Edition",
    free: true,
    source: "AWS:Application",
    match: { name: String.raw`^(Oracle Database\b.*\bExpress Edition\b|oracle-database-xe-\d+c$)` },
  },
  {
    id: "oracle-database-free",
    product: "oracle-database",
    edition: "Free",
    free: true,
    source: "AWS:Application",
    match: { name: String.raw`^oracle-database-free-` },
  },

  // SQL Server: the installed-programs names give the product; the edition is in the registry.
  {
    id: "sql-server-application",
    product: "sql-server",
    edition: null,
    free: false,
    source: "AWS:Application",
    match: {
      name: String.raw`^(Microsoft SQL Server \d{4}( R2)? \((64|32)-bit\)|SQL Server \d{4}( R2)? Database Engine Services)$`,
      publisher: MICROSOFT,
    },
  },
  // SQL Server on Linux: the package gives no edition (mssql-conf sets it).
  {
    id: "sql-server-linux-package",
    product: "sql-server",
    edition: null,
    free: false,
    source: "AWS:Application",
    match: { name: "^mssql-server$" },
  },
  {
    id: "sql-server-express-application",
    product: "sql-server",
    edition: "Express",
    free: true,
    source: "AWS:Application",
    match: { name: String.raw`^Microsoft SQL Server \d{4}( R2)? Express\b`, publisher: MICROSOFT },
  },
  sqlEdition("sql-server-edition-enterprise", "Enterprise", false, "^Enterprise Edition\\b"),
  sqlEdition("sql-server-edition-standard", "Standard", false, "^Standard Edition\\b"),
  sqlEdition("sql-server-edition-web", "Web", false, "^Web Edition\\b"),
  sqlEdition("sql-server-edition-developer", "Developer", true, "^Developer Edition\\b"),
  // Covers "Express Edition with Advanced Services" too.
  sqlEdition("sql-server-edition-express", "Express", true, "^Express Edition\\b"),
  // A 180-day trial: no licence while it lasts, which the analyst should know is temporary.
  sqlEdition("sql-server-edition-evaluation", "Evaluation", true, "^Enterprise Evaluation Edition\\b"),

  // Windows Server: the edition is the last word of SSM's platform name.
  {
    id: "windows-server-datacenter",
    product: "windows-server",
    edition: "Datacenter",
    free: false,
    source: "AWS:InstanceInformation",
    match: { platformName: String.raw`^Microsoft Windows Server\b.*\bDatacenter\b` },
  },
  {
    id: "windows-server-standard",
    product: "windows-server",
    edition: "Standard",
    free: false,
    source: "AWS:InstanceInformation",
    match: { platformName: String.raw`^Microsoft Windows Server\b.*\bStandard\b` },
  },
  {
    id: "windows-server",
    product: "windows-server",
    edition: null,
    free: false,
    source: "AWS:InstanceInformation",
    match: { platformName: String.raw`^Microsoft Windows Server\b(?!.*\b(Standard|Datacenter)\b)` },
  },

  // IBM: PVU-licensed whatever the edition, so the product is what matters.
  {
    id: "ibm-db2",
    product: "ibm-db2",
    edition: null,
    free: false,
    source: "AWS:Application",
    match: { name: String.raw`\bDb2\b`, publisher: IBM },
  },
  {
    id: "ibm-mq-server",
    product: "ibm-mq",
    edition: null,
    free: false,
    source: "AWS:Application",
    // The MQ client is free to use; only the server (queue manager) is counted.
    match: { name: String.raw`^(IBM (WebSphere )?MQ\b(?!.*\bClient\b)|MQSeriesServer$)` },
  },
  {
    id: "ibm-websphere-nd",
    product: "ibm-websphere",
    edition: "Network Deployment",
    free: false,
    source: "AWS:Application",
    match: { name: String.raw`^IBM WebSphere Application Server\b.*\bNetwork Deployment\b` },
  },
  {
    id: "ibm-websphere",
    product: "ibm-websphere",
    edition: null,
    free: false,
    source: "AWS:Application",
    match: { name: String.raw`^IBM WebSphere Application Server\b(?!.*\bNetwork Deployment\b)` },
  },

  // Red Hat Enterprise Linux: the platform name, or the release package every RHEL install carries.
  {
    id: "rhel-platform",
    product: "rhel",
    edition: null,
    free: false,
    source: "AWS:InstanceInformation",
    match: { platformName: "^Red Hat Enterprise Linux" },
  },
  {
    id: "rhel-release-package",
    product: "rhel",
    edition: null,
    free: false,
    source: "AWS:Application",
    match: { name: "^redhat-release(-server)?$", publisher: "^Red Hat" },
  },
];
