// Each credential source passes Test Connection end to end against the simulator's demo world.
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMfaSession } from "@/lib/aws/mfa";
import { type CheckEvent, runConnectionTest } from "@/lib/connections/probe";
import { DEMO_NAMES, totp } from "@/simulator/src/index";
import { type DemoSim, event, MANAGEMENT_ACCOUNT, problems, startDemo } from "./aws-fixtures";

let demo: DemoSim;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.sim.close();
});

describe("credential sources (Test Connection)", () => {
  it("access key + secret: identity, own account, each API in each region, streamed as it runs", async () => {
    const streamed: CheckEvent[] = [];
    const report = await runConnectionTest(
      demo.settings({ regions: { mode: "list", regions: ["us-east-1", "eu-west-1", "me-south-1"] } }),
      { onEvent: (e) => streamed.push(e) },
    );
    expect(problems(report)).toEqual([]);
    expect(report.outcome).toBe("passed");
    expect(report.callerArn).toBe(`arn:aws:iam::${MANAGEMENT_ACCOUNT}:user/${DEMO_NAMES.collectorUser}`);
    expect(report.accounts).toEqual([{ accountId: MANAGEMENT_ACCOUNT, ok: true }]);
    for (const region of ["us-east-1", "eu-west-1"]) {
      for (const action of [
        "ec2:DescribeInstances",
        "ec2:DescribeHosts",
        "ec2:DescribeReservedInstances",
        "ec2:DescribeImages",
        "rds:DescribeDBInstances",
      ]) {
        expect(event(report, `api:${MANAGEMENT_ACCOUNT}:${region}:${action}`)).toMatchObject({
          status: "ok",
          action,
          region,
        });
      }
    }
    expect(event(report, `region:${MANAGEMENT_ACCOUNT}:me-south-1`).status).toBe("region-not-enabled");
    expect(event(report, `api:${MANAGEMENT_ACCOUNT}:global:iam:ListAccountAliases`).message).toBe(
      "Alias acme-management",
    );
    // Each check is sent as "running" first, then again with its final status.
    const identity = streamed.filter((e) => e.id === "identity").map((e) => e.status);
    expect(identity).toEqual(["running", "ok"]);
    expect(streamed.length).toBeGreaterThan(report.events.length);
  });

  it("access key + secret + session token (from sts:GetSessionToken)", async () => {
    const collector = demo.user(DEMO_NAMES.collectorUser);
    const sts = new STSClient({ region: "us-east-1", endpoint: demo.url, credentials: collector, maxAttempts: 1 });
    const out = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    sts.destroy();
    const member = demo.role("333333333333");
    const report = await runConnectionTest(
      demo.settings({
        credentials: {
          kind: "access-key",
          accessKeyId: out.Credentials!.AccessKeyId!,
          secretAccessKey: out.Credentials!.SecretAccessKey!,
          sessionToken: out.Credentials!.SessionToken!,
        },
        accounts: { mode: "role-arns", roleArns: [member.arn] },
        externalId: member.externalId,
      }),
    );
    expect(problems(report)).toEqual([]);
    expect(report.outcome).toBe("passed");
    expect(event(report, "identity").label).toMatch(/with session token/);
    expect(event(report, "account:333333333333").message).toBe(
      "Signed in as arn:aws:sts::333333333333:assumed-role/CirrusInventoryRole/cirrus",
    );
  });

  describe("MFA", () => {
    const mfaSettings = () => {
      const u = demo.user(DEMO_NAMES.mfaUser);
      return demo.settings({
        credentials: {
          kind: "access-key",
          accessKeyId: u.accessKeyId,
          secretAccessKey: u.secretAccessKey,
          mfaSerial: u.mfaSerial,
        },
      });
    };
    const validCode = async (serial: string) =>
      ((await (await fetch(`${demo.url}/_sim/mfa/${encodeURIComponent(serial)}/code`)).json()) as { code: string })
        .code;

    it("the right code passes and returns the MFA session for storage (never in an event)", async () => {
      const settings = mfaSettings();
      const serial = settings.credentials.kind === "access-key" ? settings.credentials.mfaSerial! : "";
      const report = await runConnectionTest(settings, {
        mfaCode: await validCode(serial),
        mfaSessionDurationSeconds: 3600,
      });
      expect(problems(report)).toEqual([]);
      expect(report.outcome).toBe("passed");
      expect(event(report, "mfa").status).toBe("ok");
      expect(report.mfaSession?.accessKeyId).toMatch(/^ASIA/);
      expect(report.mfaSession!.expiration.getTime()).toBeGreaterThan(Date.now() + 3000_000);
      const text = JSON.stringify(report.events);
      expect(text).not.toContain(report.mfaSession!.secretAccessKey);
      expect(text).not.toContain(report.mfaSession!.sessionToken);
      // A scheduled run later uses the stored session without a code.
      const again = await runConnectionTest({ ...settings, mfaSession: report.mfaSession });
      expect(again.outcome).toBe("passed");
      expect(event(again, "mfa").message).toMatch(/stored MFA session/);
    });

    it("a wrong code fails clearly, and no code without a session asks for one", async () => {
      const settings = mfaSettings();
      const device = demo.creds.mfaDevices[0];
      const now = Date.now();
      const near = new Set([-60, -30, 0, 30, 60].map((s) => totp(device.secretBase32, now + s * 1000)));
      const wrong = ["123456", "654321", "000000", "999999"].find((c) => !near.has(c))!;
      const report = await runConnectionTest(settings, { mfaCode: wrong });
      expect(report.outcome).toBe("failed");
      expect(event(report, "mfa")).toMatchObject({
        status: "mfa",
        errorCode: "AccessDenied",
        message: expect.stringMatching(/MFA code was rejected/),
      });
      expect(report.mfaSession).toBeUndefined();
      await expect(getMfaSession(settings, wrong, 900)).rejects.toMatchObject({ info: { status: "mfa" } });

      const noCode = await runConnectionTest(settings);
      expect(noCode.outcome).toBe("failed");
      expect(event(noCode, "mfa")).toMatchObject({ status: "mfa", message: expect.stringMatching(/one-time code/) });
    });
  });

  it("ambient credentials from the instance profile through IMDSv2", async () => {
    const previous = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = demo.url;
    try {
      const report = await runConnectionTest(
        demo.settings({ credentials: { kind: "ambient", provider: "instance-profile" } }),
      );
      expect(problems(report)).toEqual([]);
      expect(report.outcome).toBe("passed");
      expect(report.callerArn).toMatch(
        new RegExp(`^arn:aws:sts::${MANAGEMENT_ACCOUNT}:assumed-role/${DEMO_NAMES.instanceRole}/i-`),
      );
    } finally {
      if (previous === undefined) delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
      else process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = previous;
    }
  });

  it("a two-hop role chain with external IDs, reading the last hop's account", async () => {
    const hub = demo.role(`arn:aws:iam::${MANAGEMENT_ACCOUNT}:role/${DEMO_NAMES.hubRole}`);
    const target = demo.role(`arn:aws:iam::${DEMO_NAMES.chainTargetAccount}:role/${DEMO_NAMES.chainTargetRole}`);
    const report = await runConnectionTest(
      demo.settings({
        roleChain: [
          { roleArn: hub.arn, externalId: hub.externalId },
          { roleArn: target.arn, externalId: target.externalId },
        ],
        regions: { mode: "all-enabled" },
      }),
    );
    expect(problems(report)).toEqual([]);
    expect(report.outcome).toBe("passed");
    expect(event(report, "chain:1").message).toBe(
      `Signed in as arn:aws:sts::${MANAGEMENT_ACCOUNT}:assumed-role/${DEMO_NAMES.hubRole}/cirrus`,
    );
    expect(event(report, "chain:2").message).toBe(
      `Signed in as arn:aws:sts::${DEMO_NAMES.chainTargetAccount}:assumed-role/${DEMO_NAMES.chainTargetRole}/cirrus`,
    );
    expect(report.effectiveArn).toContain(DEMO_NAMES.chainTargetRole);
    expect(report.accounts).toEqual([{ accountId: DEMO_NAMES.chainTargetAccount, ok: true }]);
    expect(event(report, `account:${DEMO_NAMES.chainTargetAccount}`).action).toBe("sts:GetCallerIdentity");

    const wrongHop = await runConnectionTest(
      demo.settings({
        roleChain: [
          { roleArn: hub.arn, externalId: "not-the-hub-external-id" },
          { roleArn: target.arn, externalId: target.externalId },
        ],
      }),
    );
    expect(wrongHop.outcome).toBe("failed");
    expect(event(wrongHop, "chain:1").status).toBe("assume-role-failed");
    expect(wrongHop.events.some((e) => e.id === "chain:2")).toBe(false);
  });
});
