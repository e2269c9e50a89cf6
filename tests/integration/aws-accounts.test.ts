// Each account mode finds the expected accounts of the demo organization.
import { EC2Client, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAccounts } from "@/lib/aws/discovery";
import { resolveRegions } from "@/lib/aws/regions";
import { createAwsSession } from "@/lib/aws/session";
import { runConnectionTest } from "@/lib/connections/probe";
import { DEMO_MEMBERS, DEMO_NAMES } from "@/simulator/src/index";
import {
  type DemoSim,
  demoWorldWithSharedExternalId,
  event,
  MANAGEMENT_ACCOUNT,
  problems,
  SHARED_EXTERNAL_ID,
  startDemo,
} from "./aws-fixtures";

const MEMBERS = DEMO_MEMBERS.map((m) => m.id);
const roleOf = (account: string) => `arn:aws:iam::${account}:role/${DEMO_NAMES.memberRole}`;
const organizations = (organizationalUnitIds: string[] = [], excludeAccountIds: string[] = []) => ({
  mode: "organizations" as const,
  organizationalUnitIds,
  memberRoleName: DEMO_NAMES.memberRole,
  excludeAccountIds,
});

let demo: DemoSim;
beforeAll(async () => {
  demo = await startDemo(demoWorldWithSharedExternalId());
});
afterAll(async () => {
  await demo?.sim.close();
});

describe("account modes", () => {
  it("explicit role ARNs: exactly those accounts, each reached through its role", async () => {
    const report = await runConnectionTest(
      demo.settings({
        accounts: { mode: "role-arns", roleArns: [roleOf("222222222222"), roleOf("444444444444")] },
        externalId: SHARED_EXTERNAL_ID,
      }),
    );
    expect(problems(report)).toEqual([]);
    expect(report.outcome).toBe("passed");
    expect(report.accounts).toEqual([
      { accountId: "222222222222", ok: true },
      { accountId: "444444444444", ok: true },
    ]);
    expect(event(report, "discovery").details?.accounts).toEqual([
      { accountId: "222222222222", roleArn: roleOf("222222222222") },
      { accountId: "444444444444", roleArn: roleOf("444444444444") },
    ]);
  });

  it("IAM-policy discovery: the roles of the user's and group's attached policies, with the inline and wildcard warnings", async () => {
    const report = await runConnectionTest(
      demo.settings({ accounts: { mode: "iam-policies" }, externalId: SHARED_EXTERNAL_ID }),
    );
    const discovery = event(report, "discovery");
    expect(discovery.status).toBe("warning");
    expect((discovery.details?.accounts as { accountId: string }[]).map((a) => a.accountId)).toEqual(MEMBERS);
    const warnings = report.events.filter((e) => e.id.startsWith("discovery:warning:")).map((e) => e.message);
    expect(warnings).toContainEqual(
      expect.stringMatching(/Inline policy cirrus-hub-access of user cirrus-collector is not followed/),
    );
    expect(warnings).toContainEqual(
      expect.stringMatching(/Policy CirrusCollectorDevelopmentAccess.*wildcard arn:aws:iam::\*:role\/CirrusAudit\*/),
    );
    expect(report.accounts.map((a) => [a.accountId, a.ok])).toEqual(MEMBERS.map((id) => [id, true]));
    expect(report.outcome).toBe("passed-with-warnings");
  });

  it("Organizations, all accounts: the management account read directly, members through the member role", async () => {
    const report = await runConnectionTest(
      demo.settings({ accounts: organizations(), externalId: SHARED_EXTERNAL_ID }),
    );
    expect(problems(report)).toEqual([]);
    expect(report.outcome).toBe("passed");
    expect(report.accounts.map((a) => a.accountId).sort()).toEqual([MANAGEMENT_ACCOUNT, ...MEMBERS].sort());
    expect(report.accounts.find((a) => a.accountId === "333333333333")?.name).toBe("Acme Production Data");
    expect(event(report, `account:${MANAGEMENT_ACCOUNT}`).label).toMatch(/caller's own credentials/);
    expect(event(report, "account:555555555555").label).toBe(`Assume ${roleOf("555555555555")}`);
  });

  it("Organizations, one OU (and exclusions)", async () => {
    const production = demo.sim.world.spec.organization!.organizationalUnits.find((o) => o.name === "Production")!.id;
    const report = await runConnectionTest(
      demo.settings({ accounts: organizations([production]), externalId: SHARED_EXTERNAL_ID }),
    );
    expect(report.outcome).toBe("passed");
    expect(report.accounts.map((a) => a.accountId)).toEqual(["222222222222", "333333333333"]);

    const session = createAwsSession(demo.settings({ externalId: SHARED_EXTERNAL_ID }));
    try {
      const found = await discoverAccounts(session, organizations([production], ["333333333333"]));
      expect(found.targets).toEqual([
        {
          accountId: "222222222222",
          roleArn: roleOf("222222222222"),
          name: "Acme Production Web",
          source: "organizations",
        },
      ]);
    } finally {
      session.destroy();
    }
  });

  it("Organizations from a member account is reported as not available there", async () => {
    const member = demo.user(DEMO_NAMES.memberReadOnlyUser);
    const report = await runConnectionTest(
      demo.settings({ credentials: { kind: "access-key", ...member }, accounts: organizations() }),
    );
    expect(report.outcome).toBe("failed");
    expect(event(report, "discovery")).toMatchObject({
      status: "organizations-not-available",
      errorCode: "AccessDeniedException",
      hint: expect.stringMatching(/management account or a delegated administrator/),
    });
  });

  it("the client factory the collector uses: discovered targets, enabled regions, one cached client per account and region", async () => {
    const session = createAwsSession(demo.settings({ accounts: organizations(), externalId: SHARED_EXTERNAL_ID }));
    try {
      const { targets } = await discoverAccounts(session, organizations());
      expect(targets).toHaveLength(5);
      const regions = await resolveRegions(session, "444444444444", { mode: "all-enabled" });
      expect(regions).toEqual({
        enabled: ["us-east-1", "us-west-2", "eu-west-1", "ap-east-1"],
        notEnabled: ["me-south-1"],
      });
      const listed = await resolveRegions(session, "444444444444", {
        mode: "list",
        regions: ["eu-west-1", "me-south-1"],
      });
      expect(listed).toEqual({ enabled: ["eu-west-1"], notEnabled: ["me-south-1"] });
      const client = session.client(EC2Client, { accountId: "444444444444", region: "ap-east-1" });
      expect(session.client(EC2Client, { accountId: "444444444444", region: "ap-east-1" })).toBe(client);
      expect(session.client(EC2Client, { accountId: "444444444444", region: "eu-west-1" })).not.toBe(client);
      const page = await client.send(new DescribeInstancesCommand({ MaxResults: 5 }));
      expect(page.Reservations?.[0]?.OwnerId).toBe("444444444444");
      const own = await session
        .client(EC2Client, { accountId: MANAGEMENT_ACCOUNT, region: "us-east-1" })
        .send(new DescribeInstancesCommand({ MaxResults: 5 }));
      expect(own.Reservations?.[0]?.OwnerId).toBe(MANAGEMENT_ACCOUNT);
    } finally {
      session.destroy();
    }
  });
});
