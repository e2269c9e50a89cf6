// The control API's RDS mutations: a rename keeps the DB's DbiResourceId (as ModifyDBInstance
// does), a re-creation under the same name gives a new one; RDS and Config both show it.
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configRecords } from "../../src/services/config/resources";
import { assumeMember, type Keys, startTestSim, type TestSim } from "../helpers";

const ACCOUNT = "333333333333";
const REGION = "us-west-2";

let t: TestSim;
let keys: Keys;
beforeAll(async () => {
  t = await startTestSim();
  keys = await assumeMember(t, ACCOUNT);
});
afterAll(() => t.sim.close());

const mutate = async (body: unknown) => {
  const res = await fetch(`${t.url}/_sim/mutate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
};
const described = async () =>
  (await new RDSClient(t.cfg(keys, REGION)).send(new DescribeDBInstancesCommand({}))).DBInstances!;
const configured = () =>
  configRecords(t.sim.world, ACCOUNT, REGION, "AWS::RDS::DBInstance").map((r) => [r.resourceId, r.resourceName]);

describe("RDS mutations", () => {
  it("renames a DB instance, keeping its DbiResourceId, with its ARN, endpoint and replicas following", async () => {
    const world = t.sim.world.region(ACCOUNT, REGION)!.dbInstances;
    const source = world.find((d) => d.ReadReplicaDBInstanceIdentifiers.length > 0) ?? world[0];
    const { DBInstanceIdentifier: before, DbiResourceId: dbi } = source;
    const replicas = [...source.ReadReplicaDBInstanceIdentifiers];

    const renamed = await mutate({
      op: "renameDbInstance",
      account: ACCOUNT,
      region: REGION,
      id: before,
      newIdentifier: "Renamed-By-Test",
    });
    expect(renamed).toEqual({
      status: 200,
      json: { ok: true, previousIdentifier: before, dbInstanceIdentifier: "renamed-by-test", dbiResourceId: dbi },
    });

    const dbs = await described();
    expect(dbs.map((d) => d.DBInstanceIdentifier)).not.toContain(before);
    const db = dbs.find((d) => d.DbiResourceId === dbi)!;
    expect(db.DBInstanceIdentifier).toBe("renamed-by-test");
    expect(db.DBInstanceArn).toBe(`arn:aws:rds:${REGION}:${ACCOUNT}:db:renamed-by-test`);
    expect(db.Endpoint!.Address!.startsWith("renamed-by-test.")).toBe(true);
    for (const replica of replicas)
      expect(dbs.find((d) => d.DBInstanceIdentifier === replica)!.ReadReplicaSourceDBInstanceIdentifier).toBe(
        "renamed-by-test",
      );
    expect(configured()).toContainEqual([dbi, "renamed-by-test"]);
  });

  it("re-creates a DB instance under its name with a new DbiResourceId", async () => {
    const { DBInstanceIdentifier: name, DbiResourceId: before } = t.sim.world.region(ACCOUNT, REGION)!.dbInstances[1];
    const recreated = await mutate({ op: "recreateDbInstance", account: ACCOUNT, region: REGION, id: before });
    expect(recreated.status).toBe(200);
    const after = recreated.json.dbiResourceId;
    expect(recreated.json).toMatchObject({ dbInstanceIdentifier: name, previousDbiResourceId: before });
    expect(after).toMatch(/^db-[A-Z0-9]{26}$/);
    expect(after).not.toBe(before);
    const db = (await described()).find((d) => d.DBInstanceIdentifier === name)!;
    expect(db.DbiResourceId).toBe(after);
    expect(configured()).toContainEqual([after, name]);
    expect(configured().map(([id]) => id)).not.toContain(before);
  });

  it("refuses names RDS refuses, names in use and unknown DBs", async () => {
    const [first, second] = t.sim.world.region(ACCOUNT, REGION)!.dbInstances;
    const rename = (id: string, newIdentifier: string) =>
      mutate({ op: "renameDbInstance", account: ACCOUNT, region: REGION, id, newIdentifier });
    for (const bad of ["1starts-with-digit", "double--hyphen", "trailing-", "under_score", ""])
      expect((await rename(first.DBInstanceIdentifier, bad)).status, bad).toBe(400);
    expect((await rename(first.DBInstanceIdentifier, second.DBInstanceIdentifier)).status).toBe(409);
    expect((await rename("no-such-db", "whatever")).status).toBe(404);
    expect(
      (await mutate({ op: "recreateDbInstance", account: ACCOUNT, region: REGION, id: "db-NOSUCHDB" })).status,
    ).toBe(404);
  });
});
