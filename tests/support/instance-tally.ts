// The Overview reads its instance figures from two tallies that triggers keep in step with
// Ec2Instance. After any write, each must be exactly the current rows counted afresh.
import { expect } from "vitest";
import { getDb } from "@/lib/db";

const TALLIES = [
  {
    table: "Ec2InstanceTally",
    group: ["accountId", "region", "state", "licensedProduct", "licenceModel", "hostId"],
    counted: `"removedAt" IS NULL`,
    sums: `COUNT(*) AS "instances", SUM(COALESCE("vcpus", 0)) AS "vcpus"`,
    read: `"instances", "vcpus"`,
  },
  {
    table: "Ec2CoverageTally",
    group: ["accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy"],
    counted: `"removedAt" IS NULL AND "state" = 'running' AND "lifecycle" = 'on-demand'`,
    sums: `COUNT(*) AS "instances"`,
    read: `"instances"`,
  },
];

type Group = Record<string, string | number | bigint | null>;

const normalised = (groups: Group[]) =>
  groups
    .map((group) =>
      Object.fromEntries(Object.entries(group).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Fails unless each tally holds one group per distinct combination of its columns, with its sums. */
export async function expectTallyToMatchRows(): Promise<void> {
  const db = getDb();
  for (const { table, group, counted, sums, read } of TALLIES) {
    const columns = group.map((column) => `"${column}"`).join(", ");
    const tally = await db.$queryRawUnsafe<Group[]>(`SELECT ${columns}, ${read} FROM "${table}"`);
    const rows = await db.$queryRawUnsafe<Group[]>(
      `SELECT ${columns}, ${sums} FROM "Ec2Instance" WHERE ${counted} GROUP BY ${columns}`,
    );
    expect(normalised(tally), table).toEqual(normalised(rows));
  }
}
