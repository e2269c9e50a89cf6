import { COLUMNS } from "@/lib/inventory/query/columns";
import type { InventoryType } from "@/lib/inventory/query/types";

// Words AWS and licensing people write in capitals (or their own way) inside field names.
const WORDS: Record<string, string> = {
  id: "ID",
  ids: "IDs",
  ami: "AMI",
  arn: "ARN",
  az: "AZ",
  aws: "AWS",
  db: "DB",
  dbi: "DBI",
  ebs: "EBS",
  iops: "IOPS",
  ip: "IP",
  kms: "KMS",
  os: "OS",
  ri: "RI",
  sql: "SQL",
  vpc: "VPC",
  vcpu: "vCPU",
  vcpus: "vCPUs",
  cpu: "CPU",
  utc: "UTC",
};

// Fields whose plain split would read like another field: RDS's own LicenseModel beside Cirrus's licence model.
const OWN_LABELS: Record<string, string> = { licenseModel: "LicenseModel (as AWS reports it)" };

// A stored field's name in words for the drawer: the table's label when it has a column
// ("licenceModel" -> "Licence model"), otherwise its camelCase split ("dbiResourceId" ->
// "DBI resource ID").
export function fieldLabel(type: InventoryType, key: string): string {
  const column = COLUMNS[type].find((each) => each.id === key);
  if (column) return column.label;
  if (OWN_LABELS[key]) return OWN_LABELS[key];
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => WORDS[word.toLowerCase()] ?? word.toLowerCase());
  if (words.length === 0) return key;
  const [first, ...rest] = words;
  return [first[0].toUpperCase() + first.slice(1), ...rest].join(" ");
}
