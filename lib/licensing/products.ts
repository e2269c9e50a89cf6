// The commercial products Cirrus recognises and counts, with the names analysts read them by.

export type ProductId =
  "oracle-database" | "sql-server" | "windows-server" | "ibm-db2" | "ibm-mq" | "ibm-websphere" | "rhel";

export const PRODUCT_NAMES: Record<ProductId, string> = {
  "oracle-database": "Oracle Database",
  "sql-server": "Microsoft SQL Server",
  "windows-server": "Windows Server",
  "ibm-db2": "IBM Db2",
  "ibm-mq": "IBM MQ",
  "ibm-websphere": "IBM WebSphere Application Server",
  rhel: "Red Hat Enterprise Linux",
};
