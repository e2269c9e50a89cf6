// RDS DescribeDBInstances (Marker paging, filters, the denied cell) and the IAM reads a
// collector uses to discover its own policies.
import {
  DescribeDBInstancesCommand,
  paginateDescribeDBInstances,
  RDSClient,
  type DBInstance,
} from "@aws-sdk/client-rds";
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  IAMClient,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  paginateListAttachedUserPolicies,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPreset, DEMO_MEMBERS, DEMO_RDS_DENIED } from "../../src/index";
import { failure, type Keys, keysOf, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
let paged: TestSim;
beforeAll(async () => {
  t = await startTestSim();
  paged = await startTestSim(buildPreset("demo", { pageSize: 2 }));
});
afterAll(async () => {
  await t.sim.close();
  await paged.sim.close();
});

async function assume(sim: TestSim, account: string): Promise<Keys> {
  const role = sim.memberRole(account);
  const out = await new STSClient(sim.cfg(sim.user("cirrus-collector"))).send(
    new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "rds-test", ExternalId: role.externalId }),
  );
  return keysOf(out.Credentials);
}

describe("RDS DescribeDBInstances", () => {
  it("returns every DB instance of each enabled region with the fields licence counts need", async () => {
    for (const m of DEMO_MEMBERS) {
      const keys = await assume(t, m.id);
      for (const r of t.spec.accounts.find((a) => a.id === m.id)!.regions.filter((x) => x.optIn !== "not-opted-in")) {
        const denied = DEMO_RDS_DENIED.aws.account === m.id && DEMO_RDS_DENIED.aws.region === r.name;
        if (denied) continue;
        const out = await new RDSClient(t.cfg(keys, r.name)).send(new DescribeDBInstancesCommand({}));
        const w = t.sim.world.region(m.id, r.name)!.dbInstances;
        expect(out.DBInstances!.map((d) => d.DBInstanceIdentifier)).toEqual(w.map((d) => d.DBInstanceIdentifier));
        for (const [i, d] of out.DBInstances!.entries()) {
          expect(d).toMatchObject({
            Engine: w[i].Engine,
            LicenseModel: w[i].LicenseModel,
            DBInstanceClass: w[i].DBInstanceClass,
            MultiAZ: w[i].MultiAZ,
            DbiResourceId: w[i].DbiResourceId,
            DBInstanceArn: w[i].DBInstanceArn,
            TagList: w[i].TagList,
          });
          expect(d.ProcessorFeatures).toEqual(w[i].ProcessorFeatures);
          expect(d.ReadReplicaDBInstanceIdentifiers).toEqual(w[i].ReadReplicaDBInstanceIdentifiers);
        }
      }
    }
  });

  it("denies exactly the one cell whose role lacks rds:DescribeDBInstances", async () => {
    const d = DEMO_RDS_DENIED.aws;
    const keys = await assume(t, d.account);
    expect(await failure(new RDSClient(t.cfg(keys, d.region)).send(new DescribeDBInstancesCommand({})))).toEqual({
      name: "AccessDenied",
      status: 403,
      message: `User: arn:aws:sts::${d.account}:assumed-role/CirrusInventoryRole/rds-test is not authorized to perform: rds:DescribeDBInstances on resource: arn:aws:rds:${d.region}:${d.account}:db:* because no identity-based policy allows the rds:DescribeDBInstances action`,
    });
    expect(
      (await new RDSClient(t.cfg(keys, "us-east-1")).send(new DescribeDBInstancesCommand({}))).DBInstances!.length,
    ).toBeGreaterThan(0);
  });

  it("pages with Marker and filters by engine and identifier", async () => {
    const account = "222222222222";
    const keys = await assume(paged, account);
    const client = new RDSClient(paged.cfg(keys, "us-east-1"));
    const all: DBInstance[] = [];
    let pages = 0;
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 20 }, {})) {
      pages++;
      all.push(...page.DBInstances!);
    }
    const w = paged.sim.world.region(account, "us-east-1")!.dbInstances;
    expect(all.map((d) => d.DBInstanceIdentifier)).toEqual(w.map((d) => d.DBInstanceIdentifier));
    expect(pages).toBe(Math.ceil(w.length / 2));
    const engine = w[0].Engine;
    const byEngine = await new RDSClient(t.cfg(await assume(t, account), "us-east-1")).send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "engine", Values: [engine] }] }),
    );
    expect(byEngine.DBInstances!.map((d) => d.DBInstanceIdentifier)).toEqual(
      w.filter((d) => d.Engine === engine).map((d) => d.DBInstanceIdentifier),
    );
    const byId = await client.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-instance-id", Values: [w[0].DBInstanceArn] }] }),
    );
    expect(byId.DBInstances!.map((d) => d.DBInstanceIdentifier)).toEqual([w[0].DBInstanceIdentifier]);
  });

  it("rejects MaxRecords outside 20-100 and unknown identifiers", async () => {
    const client = new RDSClient(t.cfg(await assume(t, "444444444444"), "us-east-1"));
    expect((await failure(client.send(new DescribeDBInstancesCommand({ MaxRecords: 19 })))).name).toBe(
      "InvalidParameterValue",
    );
    expect(await failure(client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "nope" })))).toEqual({
      name: "DBInstanceNotFoundFault",
      status: 404,
      message: "DBInstance nope not found.",
    });
  });
});

describe("IAM policy reads", () => {
  const iam = () => new IAMClient(t.cfg(t.user("cirrus-collector")));

  it("reads the caller, its alias, groups and attached policies", async () => {
    const user = await iam().send(new GetUserCommand({}));
    expect(user.User).toMatchObject({
      UserName: "cirrus-collector",
      Arn: "arn:aws:iam::111111111111:user/cirrus-collector",
    });
    expect((await iam().send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(["acme-management"]);
    const groups = await iam().send(new ListGroupsForUserCommand({ UserName: "cirrus-collector" }));
    expect(groups.Groups!.map((g) => g.GroupName)).toEqual(["cirrus-collectors"]);
    const groupPolicies = await iam().send(new ListAttachedGroupPoliciesCommand({ GroupName: "cirrus-collectors" }));
    expect(groupPolicies.AttachedPolicies!.map((p) => p.PolicyName)).toEqual(["CirrusCollectorDevelopmentAccess"]);
    expect((await iam().send(new ListUserPoliciesCommand({ UserName: "cirrus-collector" }))).PolicyNames).toEqual([
      "cirrus-hub-access",
    ]);
  });

  it("decodes policy documents: exact member-role ARNs plus one wildcard", async () => {
    const arns: string[] = [];
    const user = await iam().send(new ListAttachedUserPoliciesCommand({ UserName: "cirrus-collector" }));
    const group = await iam().send(new ListAttachedGroupPoliciesCommand({ GroupName: "cirrus-collectors" }));
    for (const p of [...user.AttachedPolicies!, ...group.AttachedPolicies!]) {
      const policy = await iam().send(new GetPolicyCommand({ PolicyArn: p.PolicyArn }));
      const version = await iam().send(
        new GetPolicyVersionCommand({ PolicyArn: p.PolicyArn, VersionId: policy.Policy!.DefaultVersionId }),
      );
      // IAM URL-encodes the document (RFC 3986); the SDK leaves it encoded.
      expect(version.PolicyVersion!.Document).toMatch(/^%7B%22Version%22/);
      const doc = JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)) as {
        Statement: { Action: string | string[]; Resource: string | string[] }[];
      };
      for (const s of doc.Statement)
        if ([s.Action].flat().includes("sts:AssumeRole")) arns.push(...[s.Resource].flat());
    }
    expect(arns.filter((a) => !a.includes("*")).sort()).toEqual(t.creds.roles.map((r) => r.arn).sort());
    expect(arns.filter((a) => a.includes("*"))).toEqual(["arn:aws:iam::*:role/CirrusAudit*"]);
  });

  it("honours MaxItems with IsTruncated/Marker", async () => {
    const client = new IAMClient(paged.cfg(paged.user("cirrus-collector")));
    const first = await client.send(new ListAttachedUserPoliciesCommand({ UserName: "cirrus-collector", MaxItems: 1 }));
    expect(first.AttachedPolicies).toHaveLength(1);
    expect(first.IsTruncated).toBe(false);
    const names = [];
    for await (const page of paginateListAttachedUserPolicies(
      { client, pageSize: 1 },
      { UserName: "cirrus-collector" },
    ))
      names.push(...page.AttachedPolicies!.map((p) => p.PolicyName));
    expect(names).toEqual(["CirrusCollectorPolicy"]);
    const mfaClient = new IAMClient(t.cfg(t.user("cirrus-collector")));
    expect(
      (
        await failure(
          mfaClient.send(new ListAttachedUserPoliciesCommand({ UserName: "cirrus-collector", MaxItems: 0 })),
        )
      ).name,
    ).toBe("ValidationError");
  });

  it("answers NoSuchEntity and AccessDenied like IAM", async () => {
    expect(await failure(iam().send(new GetUserCommand({ UserName: "ghost" })))).toEqual({
      name: "NoSuchEntityException",
      status: 404,
      message: "The user with name ghost cannot be found.",
    });
    expect(
      (await failure(iam().send(new GetPolicyCommand({ PolicyArn: "arn:aws:iam::111111111111:policy/Nope" })))).name,
    ).toBe("NoSuchEntityException");
    const member = await assume(t, "222222222222");
    // IAM checks permissions before existence: a caller without iam:GetUser cannot probe names.
    expect((await failure(new IAMClient(t.cfg(member)).send(new GetUserCommand({ UserName: "x" })))).status).toBe(403);
    expect(
      await failure(
        new IAMClient(t.cfg(member)).send(new ListAttachedUserPoliciesCommand({ UserName: "cirrus-readonly-member" })),
      ),
    ).toMatchObject({ name: "AccessDenied", status: 403 });
  });
});
