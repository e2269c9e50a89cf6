// STS through the real SDK: caller identity, AssumeRole with external IDs, validation and role
// chaining (also via fromTemporaryCredentials). MFA is in sts-mfa.contract.test.ts.
import { EC2Client, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MANAGEMENT, DEMO_NAMES } from "../../src/index";
import { failure, keysOf, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const MGMT = DEMO_MANAGEMENT.id;
const sts = (keys = t.user("cirrus-collector"), region = "us-east-1") => new STSClient(t.cfg(keys, region));
const otherRole = (purpose: string) => t.creds.otherRoles.find((r) => r.purpose === purpose)!;

describe("GetCallerIdentity and AssumeRole", () => {
  it("identifies the IAM user", async () => {
    const id = await sts().send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({ Account: MGMT, Arn: `arn:aws:iam::${MGMT}:user/cirrus-collector` });
    expect(id.UserId).toMatch(/^AIDA/);
    expect(id.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("assumes every member role with its external ID and gets ASIA keys for that account", async () => {
    for (const role of t.creds.roles) {
      const out = await sts().send(
        new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "cirrus-test", ExternalId: role.externalId }),
      );
      expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
      expect(out.AssumedRoleUser!.Arn).toBe(
        `arn:aws:sts::${role.account}:assumed-role/CirrusInventoryRole/cirrus-test`,
      );
      expect(out.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(3500_000);
      const id = await sts(keysOf(out.Credentials)).send(new GetCallerIdentityCommand({}));
      expect(id.Account).toBe(role.account);
    }
  });

  it("answers the same AccessDenied for a wrong external ID, a missing one, an untrusted caller and an unknown role", async () => {
    const role = t.creds.roles[0];
    const expected = (caller: string, arn: string) => ({
      name: "AccessDenied",
      status: 403,
      message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
    });
    const collectorArn = `arn:aws:iam::${MGMT}:user/cirrus-collector`;
    expect(
      await failure(
        sts().send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1", ExternalId: "wrong-external-id" }),
        ),
      ),
    ).toEqual(expected(collectorArn, role.arn));
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1" })))).toEqual(
      expected(collectorArn, role.arn),
    );
    const member = t.user("cirrus-readonly-member");
    expect(
      await failure(
        sts(member).send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1", ExternalId: role.externalId }),
        ),
      ),
    ).toEqual(expected(`arn:aws:iam::222222222222:user/cirrus-readonly-member`, role.arn));
    const missing = "arn:aws:iam::222222222222:role/DoesNotExist";
    expect(
      await failure(sts().send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: "s1", ExternalId: "x1" }))),
    ).toEqual(expected(collectorArn, missing));
  });

  it("validates RoleSessionName and DurationSeconds like AWS", async () => {
    const role = t.creds.roles[0];
    expect(
      await failure(
        sts().send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "bad name!", ExternalId: role.externalId }),
        ),
      ),
    ).toMatchObject({ name: "ValidationError", status: 400 });
    expect(
      await failure(
        sts().send(
          new AssumeRoleCommand({
            RoleArn: role.arn,
            RoleSessionName: "s2",
            ExternalId: role.externalId,
            DurationSeconds: 899,
          }),
        ),
      ),
    ).toMatchObject({ name: "ValidationError", status: 400 });
    const short = await sts().send(
      new AssumeRoleCommand({
        RoleArn: role.arn,
        RoleSessionName: "short",
        ExternalId: role.externalId,
        DurationSeconds: 900,
      }),
    );
    expect(short.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect(
      await failure(
        sts().send(
          new AssumeRoleCommand({
            RoleArn: role.arn,
            RoleSessionName: "s2",
            ExternalId: role.externalId,
            DurationSeconds: 7200,
          }),
        ),
      ),
    ).toMatchObject({
      name: "ValidationError",
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    });
  });
});

describe("role chaining", () => {
  it("chains CirrusHub → CirrusChainTarget and caps chained sessions at one hour", async () => {
    const hub = otherRole("chain-hub");
    const target = otherRole("chain-target");
    const first = await sts().send(
      new AssumeRoleCommand({
        RoleArn: hub.arn,
        RoleSessionName: "hub",
        ExternalId: hub.externalId,
        DurationSeconds: 7200,
      }),
    );
    const hubKeys = keysOf(first.Credentials);
    expect(
      await failure(
        sts(hubKeys).send(
          new AssumeRoleCommand({
            RoleArn: target.arn,
            RoleSessionName: "target",
            ExternalId: target.externalId,
            DurationSeconds: 3601,
          }),
        ),
      ),
    ).toEqual({
      name: "ValidationError",
      status: 400,
      message: "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    });
    const second = await sts(hubKeys).send(
      new AssumeRoleCommand({
        RoleArn: target.arn,
        RoleSessionName: "target",
        ExternalId: target.externalId,
        DurationSeconds: 3600,
      }),
    );
    expect(second.AssumedRoleUser!.Arn).toBe(
      `arn:aws:sts::${DEMO_NAMES.chainTargetAccount}:assumed-role/CirrusChainTarget/target`,
    );
    // The hub's trust (management account root) does not extend to the member's own roles.
    const member = t.memberRole("333333333333");
    expect(
      (
        await failure(
          sts(hubKeys).send(
            new AssumeRoleCommand({ RoleArn: member.arn, RoleSessionName: "x1", ExternalId: member.externalId }),
          ),
        )
      ).name,
    ).toBe("AccessDenied");
  });

  it("works through fromTemporaryCredentials with a chain of two roles", async () => {
    const hub = otherRole("chain-hub");
    const target = otherRole("chain-target");
    const clientConfig = { endpoint: t.url, region: "us-east-1" };
    const hubCreds = fromTemporaryCredentials({
      masterCredentials: t.user("cirrus-collector"),
      params: { RoleArn: hub.arn, ExternalId: hub.externalId, RoleSessionName: "cirrus-hub" },
      clientConfig,
    });
    const targetCreds = fromTemporaryCredentials({
      masterCredentials: hubCreds,
      params: {
        RoleArn: target.arn,
        ExternalId: target.externalId,
        RoleSessionName: "cirrus-target",
        DurationSeconds: 3600,
      },
      clientConfig,
    });
    const ec2 = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: targetCreds, maxAttempts: 1 });
    const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(out.Reservations![0].OwnerId).toBe(DEMO_NAMES.chainTargetAccount);
  });
});
