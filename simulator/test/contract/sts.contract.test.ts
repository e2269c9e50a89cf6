// STS through the real SDK: caller identity, AssumeRole with external IDs and MFA, role
// chaining (also via fromTemporaryCredentials), GetSessionToken with and without MFA.
import { EC2Client, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MANAGEMENT, DEMO_NAMES, totp } from "../../src/index";
import { keysOf, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const MGMT = DEMO_MANAGEMENT.id;
const sts = (keys = t.user("cirrus-collector"), region = "us-east-1") => new STSClient(t.cfg(keys, region));
const failure = async (p: Promise<unknown>) => {
  const e = (await p.then(() => undefined, (err: unknown) => err)) as { name: string; message: string; $metadata: { httpStatusCode: number } } | undefined;
  if (!e) throw new Error("expected the call to fail");
  return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
};
const otherRole = (purpose: string) => t.creds.otherRoles.find((r) => r.purpose === purpose)!;
const mfaSerial = `arn:aws:iam::${MGMT}:mfa/cirrus-mfa`;

describe("GetCallerIdentity and AssumeRole", () => {
  it("identifies the IAM user", async () => {
    const id = await sts().send(new GetCallerIdentityCommand({}));
    expect(id).toMatchObject({ Account: MGMT, Arn: `arn:aws:iam::${MGMT}:user/cirrus-collector` });
    expect(id.UserId).toMatch(/^AIDA/);
    expect(id.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("assumes every member role with its external ID and gets ASIA keys for that account", async () => {
    for (const role of t.creds.roles) {
      const out = await sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "cirrus-test", ExternalId: role.externalId }));
      expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
      expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${role.account}:assumed-role/CirrusInventoryRole/cirrus-test`);
      expect(out.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(3500_000);
      const id = await sts(keysOf(out.Credentials)).send(new GetCallerIdentityCommand({}));
      expect(id.Account).toBe(role.account);
    }
  });

  it("answers the same AccessDenied for a wrong external ID, a missing one, an untrusted caller and an unknown role", async () => {
    const role = t.creds.roles[0];
    const expected = (caller: string, arn: string) => ({ name: "AccessDenied", status: 403, message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${arn}` });
    const collectorArn = `arn:aws:iam::${MGMT}:user/cirrus-collector`;
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1", ExternalId: "wrong-external-id" })))).toEqual(expected(collectorArn, role.arn));
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1" })))).toEqual(expected(collectorArn, role.arn));
    const member = t.user("cirrus-readonly-member");
    expect(await failure(sts(member).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s1", ExternalId: role.externalId })))).toEqual(expected(`arn:aws:iam::222222222222:user/cirrus-readonly-member`, role.arn));
    const missing = "arn:aws:iam::222222222222:role/DoesNotExist";
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: missing, RoleSessionName: "s1", ExternalId: "x1" })))).toEqual(expected(collectorArn, missing));
  });

  it("validates RoleSessionName and DurationSeconds like AWS", async () => {
    const role = t.creds.roles[0];
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "bad name!", ExternalId: role.externalId })))).toMatchObject({ name: "ValidationError", status: 400 });
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s2", ExternalId: role.externalId, DurationSeconds: 899 })))).toMatchObject({ name: "ValidationError", status: 400 });
    const short = await sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "short", ExternalId: role.externalId, DurationSeconds: 900 }));
    expect(short.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect(await failure(sts().send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "s2", ExternalId: role.externalId, DurationSeconds: 7200 })))).toMatchObject({ name: "ValidationError", message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role." });
  });
});

describe("role chaining", () => {
  it("chains CirrusHub → CirrusChainTarget and caps chained sessions at one hour", async () => {
    const hub = otherRole("chain-hub");
    const target = otherRole("chain-target");
    const first = await sts().send(new AssumeRoleCommand({ RoleArn: hub.arn, RoleSessionName: "hub", ExternalId: hub.externalId, DurationSeconds: 7200 }));
    const hubKeys = keysOf(first.Credentials);
    expect(await failure(sts(hubKeys).send(new AssumeRoleCommand({ RoleArn: target.arn, RoleSessionName: "target", ExternalId: target.externalId, DurationSeconds: 3601 })))).toEqual({
      name: "ValidationError",
      status: 400,
      message: "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    });
    const second = await sts(hubKeys).send(new AssumeRoleCommand({ RoleArn: target.arn, RoleSessionName: "target", ExternalId: target.externalId, DurationSeconds: 3600 }));
    expect(second.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${DEMO_NAMES.chainTargetAccount}:assumed-role/CirrusChainTarget/target`);
    // The hub's trust (management account root) does not extend to the member's own roles.
    const member = t.memberRole("333333333333");
    expect((await failure(sts(hubKeys).send(new AssumeRoleCommand({ RoleArn: member.arn, RoleSessionName: "x1", ExternalId: member.externalId })))).name).toBe("AccessDenied");
  });

  it("works through fromTemporaryCredentials with a chain of two roles", async () => {
    const hub = otherRole("chain-hub");
    const target = otherRole("chain-target");
    const clientConfig = { endpoint: t.url, region: "us-east-1" };
    const hubCreds = fromTemporaryCredentials({ masterCredentials: t.user("cirrus-collector"), params: { RoleArn: hub.arn, ExternalId: hub.externalId, RoleSessionName: "cirrus-hub" }, clientConfig });
    const targetCreds = fromTemporaryCredentials({ masterCredentials: hubCreds, params: { RoleArn: target.arn, ExternalId: target.externalId, RoleSessionName: "cirrus-target", DurationSeconds: 3600 }, clientConfig });
    const ec2 = new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: targetCreds, maxAttempts: 1 });
    const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(out.Reservations![0].OwnerId).toBe(DEMO_NAMES.chainTargetAccount);
  });
});

describe("MFA", () => {
  const mfaUser = () => t.user("cirrus-mfa");

  it("without MFA the user can only get a session token and its identity", async () => {
    const plain = await sts(mfaUser()).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = keysOf(plain.Credentials);
    expect(session.accessKeyId).toMatch(/^ASIA/);
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${MGMT}:user/cirrus-mfa`);
    // GetSessionToken credentials without MFA cannot call IAM at all.
    expect(await failure(new IAMClient(t.cfg(session)).send(new ListAccountAliasesCommand({})))).toMatchObject({ name: "InvalidClientTokenId", status: 403 });
    expect(await failure(sts(session).send(new GetSessionTokenCommand({})))).toEqual({ name: "AccessDenied", status: 403, message: "Cannot call GetSessionToken with session credentials" });
    const role = t.creds.roles[0];
    expect((await failure(sts(session).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "m2", ExternalId: role.externalId })))).name).toBe("AccessDenied");
    expect(await failure(new EC2Client(t.cfg(session)).send(new DescribeInstancesCommand({})))).toMatchObject({ name: "UnauthorizedOperation", status: 403 });
  });

  it("with an MFA session token the user reaches IAM, EC2 and the member roles", async () => {
    const { code } = (await (await fetch(`${t.url}/_sim/mfa/${encodeURIComponent(mfaSerial)}/code`)).json()) as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    const out = await sts(mfaUser()).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: code, DurationSeconds: 3600 }));
    const session = keysOf(out.Credentials);
    expect((await new IAMClient(t.cfg(session)).send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(["acme-management"]);
    const role = t.creds.roles[2];
    const assumed = await sts(session).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "mfa", ExternalId: role.externalId }));
    expect(assumed.AssumedRoleUser!.Arn).toContain(role.account);
  });

  it("rejects a wrong code and a foreign serial with AWS's messages", async () => {
    const good = t.sim.control.mfaCode(mfaSerial)!;
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, "0");
    expect(await failure(sts(mfaUser()).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: wrong })))).toEqual({ name: "AccessDenied", status: 403, message: "MultiFactorAuthentication failed with invalid MFA one time pass code. " });
    const collector = t.user("cirrus-collector");
    expect((await failure(sts(collector).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: good })))).message).toMatch(/^MultiFactorAuthentication failed, unable to validate MFA code/);
  });

  it("AssumeRole with SerialNumber + TokenCode from long-term keys, also through fromTemporaryCredentials", async () => {
    const secret = t.creds.mfaDevices[0].secretBase32;
    const role = t.creds.roles[1];
    const direct = await sts(mfaUser()).send(new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "mfa-direct", ExternalId: role.externalId, SerialNumber: mfaSerial, TokenCode: totp(secret, Date.now()) }));
    expect(direct.Credentials!.AccessKeyId).toMatch(/^ASIA/);
    const provider = fromTemporaryCredentials({
      masterCredentials: mfaUser(),
      params: { RoleArn: role.arn, ExternalId: role.externalId, RoleSessionName: "mfa-provider", SerialNumber: mfaSerial },
      mfaCodeProvider: async () => totp(secret, Date.now()),
      clientConfig: { endpoint: t.url, region: "us-east-1" },
    });
    const id = await new STSClient({ endpoint: t.url, region: "us-east-1", credentials: provider }).send(new GetCallerIdentityCommand({}));
    expect(id.Arn).toBe(`arn:aws:sts::${role.account}:assumed-role/CirrusInventoryRole/mfa-provider`);
  });
});
