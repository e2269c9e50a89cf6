// The control API's IAM mutations: an inline Deny put on one member role takes one action away
// in one region (AWS's explicit-deny answer), sessions already issued included; everything else
// that role or other roles do is untouched; deleting the policy gives the action back.
import { DescribeInstancesCommand, DescribeInstanceTypesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEMBERS, DEMO_NAMES, DEMO_WITHOUT_CPU_OPTIONS } from "../../src/index";
import { assumeMember, failure, type Keys, startTestSim, type TestSim } from "../helpers";

const ACTION = "ec2:DescribeInstanceTypes";
const CELL = DEMO_WITHOUT_CPU_OPTIONS[DEMO_WITHOUT_CPU_OPTIONS.length - 1];
const OTHER_REGION = DEMO_WITHOUT_CPU_OPTIONS.find((cell) => cell.region !== CELL.region)!.region;
const OTHER_ACCOUNT = DEMO_MEMBERS.find((member) => member.id !== CELL.account)!.id;
const DENY_IN_REGION = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "NoInstanceTypes",
      Effect: "Deny",
      Action: ACTION,
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": CELL.region } },
    },
  ],
};

let t: TestSim;
let member: Keys;
let other: Keys;
beforeAll(async () => {
  t = await startTestSim();
  // Assumed before the change: a session already issued must feel it too.
  member = await assumeMember(t, CELL.account);
  other = await assumeMember(t, OTHER_ACCOUNT);
});
afterAll(() => t.sim.close());

const mutate = async (body: unknown) => {
  const res = await fetch(`${t.url}/_sim/mutate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};
const instanceTypes = (keys: Keys, region: string) =>
  new EC2Client(t.cfg(keys, region)).send(new DescribeInstanceTypesCommand({ InstanceTypes: CELL.types as never }));
const policy = (op: string, extra: Record<string, unknown> = {}) => ({
  op,
  account: CELL.account,
  role: DEMO_NAMES.memberRole,
  name: "deny-instance-types",
  ...extra,
});

describe("IAM mutations", () => {
  it("an inline Deny takes one action from one member role in one region, until the policy is deleted", async () => {
    const put = await mutate(policy("putRolePolicy", { document: DENY_IN_REGION }));
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ ok: true, role: t.memberRole(CELL.account).arn });
    expect(put.json.inlinePolicies).toContain("deny-instance-types");

    const denied = await failure(instanceTypes(member, CELL.region));
    expect(denied).toMatchObject({ name: "UnauthorizedOperation", status: 403 });
    expect(denied.message).toContain(`is not authorized to perform: ${ACTION} with an explicit deny`);
    // The same role elsewhere, its other actions there, and other accounts' roles are untouched.
    expect((await instanceTypes(member, OTHER_REGION)).InstanceTypes?.length).toBeGreaterThan(0);
    expect(
      (await new EC2Client(t.cfg(member, CELL.region)).send(new DescribeInstancesCommand({}))).Reservations?.length,
    ).toBeGreaterThan(0);
    expect((await instanceTypes(other, CELL.region)).InstanceTypes?.length).toBe(CELL.types.length);

    const deleted = await mutate(policy("deleteRolePolicy"));
    expect(deleted.status).toBe(200);
    expect(deleted.json.inlinePolicies).not.toContain("deny-instance-types");
    expect((await instanceTypes(member, CELL.region)).InstanceTypes?.map((i) => i.InstanceType).sort()).toEqual(
      [...CELL.types].sort(),
    );
  });

  it("a put under an existing name replaces that policy", async () => {
    const before = t.sim.world.role(t.memberRole(CELL.account).arn)!.inlinePolicies.length;
    await mutate(policy("putRolePolicy", { document: DENY_IN_REGION }));
    const allowAgain = { Version: "2012-10-17", Statement: { Effect: "Allow", Action: ACTION, Resource: "*" } };
    const replaced = await mutate(policy("putRolePolicy", { document: allowAgain }));
    expect(replaced.status).toBe(200);
    expect(t.sim.world.role(t.memberRole(CELL.account).arn)!.inlinePolicies.length).toBe(before + 1);
    expect((await instanceTypes(member, CELL.region)).InstanceTypes?.length).toBe(CELL.types.length);
    expect((await mutate(policy("deleteRolePolicy"))).status).toBe(200);
  });

  it("refuses unknown roles, missing policies, invalid names and malformed documents", async () => {
    expect((await mutate(policy("putRolePolicy", { role: "NoSuchRole", document: DENY_IN_REGION }))).status).toBe(404);
    expect((await mutate(policy("deleteRolePolicy", { name: "never-put" }))).status).toBe(404);
    expect((await mutate(policy("putRolePolicy", { name: "has space", document: DENY_IN_REGION }))).status).toBe(400);
    const malformed = [
      undefined,
      { Version: "2020-01-01", Statement: DENY_IN_REGION.Statement },
      { Version: "2012-10-17", Statement: [] },
      { Version: "2012-10-17", Statement: [{ Effect: "Maybe", Action: ACTION, Resource: "*" }] },
      { Version: "2012-10-17", Statement: [{ Effect: "Deny", Resource: "*" }] },
      { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: ACTION }] },
    ];
    for (const document of malformed)
      expect((await mutate(policy("putRolePolicy", { document }))).status, JSON.stringify(document)).toBe(400);
    // Nothing refused was applied.
    expect(t.sim.world.role(t.memberRole(CELL.account).arn)!.inlinePolicies.map((p) => p.name)).not.toContain(
      "deny-instance-types",
    );
  });
});
