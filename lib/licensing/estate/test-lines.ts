// A requirement line row for the estate's unit tests: one BYOL line on one instance, every field
// the test does not care about at a plain default.
import type { LicenceLineRow } from "./types";

export const lineRow = (over: Partial<LicenceLineRow>): LicenceLineRow => ({
  resourceKind: "ec2-instance",
  resourceId: "i-1",
  resourceName: null,
  accountId: "111111111111",
  accountAlias: null,
  region: "us-east-1",
  state: "running",
  product: "sql-server",
  productName: "Microsoft SQL Server",
  edition: "Standard",
  metric: "core licences",
  quantity: 4,
  basis: "BYOL",
  ruleId: "r",
  arithmetic: "",
  evidence: [],
  flags: [],
  ...over,
});
