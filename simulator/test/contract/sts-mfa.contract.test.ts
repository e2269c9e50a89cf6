// MFA through the real SDK: GetSessionToken with and without MFA and what each session may
// call, AssumeRole with SerialNumber + TokenCode (also through fromTemporaryCredentials), and a
// trust policy that requires aws:MultiFactorAuthPresent.
import { EC2Client, DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPreset, DEMO_MANAGEMENT, DEMO_NAMES, totp } from "../../src/index";
import { failure, keysOf, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const MGMT = DEMO_MANAGEMENT.id;
const sts = (keys = t.user("cirrus-collector"), region = "us-east-1") => new STSClient(t.cfg(keys, region));
const mfaSerial = `arn:aws:iam::${MGMT}:mfa/cirrus-mfa`;

describe("MFA", () => {
  const mfaUser = () => t.user("cirrus-mfa");

  it("without MFA the user can only get a session token and its identity", async () => {
    const plain = await sts(mfaUser()).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = keysOf(plain.Credentials);
    expect(session.accessKeyId).toMatch(/^ASIA/);
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:iam::${MGMT}:user/cirrus-mfa`,
    );
    // GetSessionToken credentials without MFA cannot call IAM at all.
    expect(await failure(new IAMClient(t.cfg(session)).send(new ListAccountAliasesCommand({})))).toMatchObject({
      name: "InvalidClientTokenId",
      status: 403,
    });
    expect(await failure(sts(session).send(new GetSessionTokenCommand({})))).toEqual({
      name: "AccessDenied",
      status: 403,
      message: "Cannot call GetSessionToken with session credentials",
    });
    const role = t.creds.roles[0];
    expect(
      (
        await failure(
          sts(session).send(
            new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "m2", ExternalId: role.externalId }),
          ),
        )
      ).name,
    ).toBe("AccessDenied");
    expect(await failure(new EC2Client(t.cfg(session)).send(new DescribeInstancesCommand({})))).toMatchObject({
      name: "UnauthorizedOperation",
      status: 403,
    });
  });

  it("with an MFA session token the user reaches IAM, EC2 and the member roles", async () => {
    const { code } = (await (await fetch(`${t.url}/_sim/mfa/${encodeURIComponent(mfaSerial)}/code`)).json()) as {
      code: string;
    };
    expect(code).toMatch(/^\d{6}$/);
    const out = await sts(mfaUser()).send(
      new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: code, DurationSeconds: 3600 }),
    );
    const session = keysOf(out.Credentials);
    expect((await new IAMClient(t.cfg(session)).send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([
      "acme-management",
    ]);
    const role = t.creds.roles[2];
    const assumed = await sts(session).send(
      new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "mfa", ExternalId: role.externalId }),
    );
    expect(assumed.AssumedRoleUser!.Arn).toContain(role.account);
  });

  it("rejects a wrong code and a foreign serial with AWS's messages", async () => {
    const good = t.sim.control.mfaCode(mfaSerial)!;
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, "0");
    expect(
      await failure(sts(mfaUser()).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: wrong }))),
    ).toEqual({
      name: "AccessDenied",
      status: 403,
      message: "MultiFactorAuthentication failed with invalid MFA one time pass code. ",
    });
    const collector = t.user("cirrus-collector");
    expect(
      (await failure(sts(collector).send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: good }))))
        .message,
    ).toMatch(/^MultiFactorAuthentication failed, unable to validate MFA code/);
  });

  it("AssumeRole with SerialNumber + TokenCode from long-term keys, also through fromTemporaryCredentials", async () => {
    const secret = t.creds.mfaDevices[0].secretBase32;
    const role = t.creds.roles[1];
    const direct = await sts(mfaUser()).send(
      new AssumeRoleCommand({
        RoleArn: role.arn,
        RoleSessionName: "mfa-direct",
        ExternalId: role.externalId,
        SerialNumber: mfaSerial,
        TokenCode: totp(secret, Date.now()),
      }),
    );
    expect(direct.Credentials!.AccessKeyId).toMatch(/^ASIA/);
    const provider = fromTemporaryCredentials({
      masterCredentials: mfaUser(),
      params: {
        RoleArn: role.arn,
        ExternalId: role.externalId,
        RoleSessionName: "mfa-provider",
        SerialNumber: mfaSerial,
      },
      mfaCodeProvider: async () => totp(secret, Date.now()),
      clientConfig: { endpoint: t.url, region: "us-east-1" },
    });
    const id = await new STSClient({ endpoint: t.url, region: "us-east-1", credentials: provider }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(id.Arn).toBe(`arn:aws:sts::${role.account}:assumed-role/CirrusInventoryRole/mfa-provider`);
  });
});

describe("a trust policy that requires MFA", () => {
  let mfaTrust: TestSim;
  const ACCOUNT = "555555555555";
  beforeAll(async () => {
    const spec = buildPreset("demo");
    const role = spec.iam.roles.find((r) => r.account === ACCOUNT && r.name === DEMO_NAMES.memberRole)!;
    const statement = [role.trustPolicy.Statement].flat()[0];
    statement.Condition = { ...statement.Condition, Bool: { "aws:MultiFactorAuthPresent": "true" } };
    mfaTrust = await startTestSim(spec);
  });
  afterAll(() => mfaTrust.sim.close());

  it("refuses a caller without MFA with the same AccessDenied, and admits an MFA session", async () => {
    const role = mfaTrust.memberRole(ACCOUNT);
    const client = (keys = mfaTrust.user("cirrus-mfa")) => new STSClient(mfaTrust.cfg(keys));
    const collector = new STSClient(mfaTrust.cfg(mfaTrust.user("cirrus-collector")));
    expect(
      await failure(
        collector.send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "no-mfa", ExternalId: role.externalId }),
        ),
      ),
    ).toEqual({
      name: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${MGMT}:user/cirrus-collector is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`,
    });
    const code = mfaTrust.sim.control.mfaCode(mfaSerial)!;
    const session = keysOf(
      (await client().send(new GetSessionTokenCommand({ SerialNumber: mfaSerial, TokenCode: code }))).Credentials,
    );
    const out = await client(session).send(
      new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "with-mfa", ExternalId: role.externalId }),
    );
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/CirrusInventoryRole/with-mfa`);
  });
});
