// Authentication failures per protocol family, as the SDK surfaces them (err.name + HTTP
// status), and the raw error shapes / headers on the wire.
import { ConfigServiceClient, DescribeConfigurationAggregatorsCommand } from "@aws-sdk/client-config-service";
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keysOf, type Keys, signedFetch, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

type Call = (keys: Keys, extra?: Record<string, unknown>) => Promise<unknown>;
const base = (keys: Keys, region: string, extra: Record<string, unknown> = {}) => ({
  ...t.cfg(keys, region),
  ...extra,
});
const calls: Record<"ec2" | "sts" | "rds" | "organizations" | "config", Call> = {
  ec2: (k, x) => new EC2Client(base(k, "us-east-1", x)).send(new DescribeRegionsCommand({})),
  sts: (k, x) => new STSClient(base(k, "us-east-1", x)).send(new GetCallerIdentityCommand({})),
  rds: (k, x) => new RDSClient(base(k, "us-east-1", x)).send(new DescribeDBInstancesCommand({})),
  organizations: (k, x) => new OrganizationsClient(base(k, "us-east-1", x)).send(new DescribeOrganizationCommand({})),
  config: (k, x) =>
    new ConfigServiceClient(base(k, "us-east-1", x)).send(new DescribeConfigurationAggregatorsCommand({})),
};
async function code(p: Promise<unknown>): Promise<string> {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as { name: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e ? `${e.name} ${e.$metadata?.httpStatusCode}` : "ok";
}
async function memberSession(sim = t): Promise<Keys> {
  const role = sim.memberRole("222222222222");
  const out = await new STSClient(sim.cfg(sim.user("cirrus-collector"))).send(
    new AssumeRoleCommand({
      RoleArn: role.arn,
      RoleSessionName: "auth-test",
      ExternalId: role.externalId,
      DurationSeconds: 900,
    }),
  );
  return keysOf(out.Credentials);
}
// Organizations answers only the management account: use an MFA session of cirrus-mfa there.
async function managementSession(sim = t): Promise<Keys> {
  const serial = sim.creds.mfaDevices[0].serialNumber;
  const out = await new STSClient(sim.cfg(sim.user("cirrus-mfa"))).send(
    new GetSessionTokenCommand({
      SerialNumber: serial,
      TokenCode: sim.sim.control.mfaCode(serial),
      DurationSeconds: 900,
    }),
  );
  return keysOf(out.Credentials);
}

describe("authentication errors per protocol", () => {
  const expected = {
    unknownKey: {
      ec2: "AuthFailure 401",
      sts: "InvalidClientTokenId 403",
      rds: "InvalidClientTokenId 403",
      organizations: "UnrecognizedClientException 400",
      config: "UnrecognizedClientException 400",
    },
    wrongSecret: {
      ec2: "AuthFailure 401",
      sts: "SignatureDoesNotMatch 403",
      rds: "SignatureDoesNotMatch 403",
      organizations: "InvalidSignatureException 400",
      config: "InvalidSignatureException 400",
    },
    badToken: {
      ec2: "AuthFailure 401",
      sts: "InvalidClientTokenId 403",
      rds: "InvalidClientTokenId 403",
      organizations: "UnrecognizedClientException 400",
      config: "UnrecognizedClientException 400",
    },
    skew: {
      ec2: "RequestExpired 400",
      sts: "SignatureDoesNotMatch 403",
      rds: "SignatureDoesNotMatch 403",
      organizations: "InvalidSignatureException 400",
      config: "InvalidSignatureException 400",
    },
  };
  const services = Object.keys(calls) as (keyof typeof calls)[];

  it.each(services)("%s: unknown access key", async (svc) => {
    expect(await code(calls[svc]({ accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x".repeat(40) }))).toBe(
      expected.unknownKey[svc],
    );
  });

  it.each(services)("%s: wrong secret", async (svc) => {
    const k = t.user("cirrus-collector");
    expect(await code(calls[svc]({ ...k, secretAccessKey: `${k.secretAccessKey.slice(0, -1)}X` }))).toBe(
      expected.wrongSecret[svc],
    );
  });

  it.each(services)("%s: temporary key with a missing or wrong session token", async (svc) => {
    const s = await memberSession();
    expect(await code(calls[svc]({ accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey }))).toBe(
      expected.badToken[svc],
    );
    expect(await code(calls[svc]({ ...s, sessionToken: `${s.sessionToken}x` }))).toBe(expected.badToken[svc]);
  });

  it.each(services)("%s: a clock more than 15 minutes off", async (svc) => {
    expect(await code(calls[svc](t.user("cirrus-collector"), { systemClockOffset: -20 * 60_000 }))).toBe(
      expected.skew[svc],
    );
  });

  it("answers AuthFailure (EC2) / InvalidClientTokenId (RDS) in a region the account has not enabled", async () => {
    const s = await memberSession();
    expect(await code(new EC2Client(t.cfg(s, "me-south-1")).send(new DescribeRegionsCommand({})))).toBe(
      "AuthFailure 401",
    );
    expect(await code(new RDSClient(t.cfg(s, "me-south-1")).send(new DescribeDBInstancesCommand({})))).toBe(
      "InvalidClientTokenId 403",
    );
    expect(await code(new EC2Client(t.cfg(s, "ap-east-1")).send(new DescribeRegionsCommand({})))).toBe("ok");
  });
});

describe("expired sessions", () => {
  let fresh: TestSim;
  beforeAll(async () => {
    fresh = await startTestSim();
  });
  afterAll(() => fresh.sim.close());

  it("rejects credentials after the clock moves past their expiry, with each protocol's code", async () => {
    const member = await memberSession(fresh);
    const mgmt = await managementSession(fresh);
    const ec2 = () => new EC2Client(fresh.cfg(member)).send(new DescribeRegionsCommand({}));
    const rds = () => new RDSClient(fresh.cfg(member)).send(new DescribeDBInstancesCommand({}));
    const org = () => new OrganizationsClient(fresh.cfg(mgmt)).send(new DescribeOrganizationCommand({}));
    expect([await code(ec2()), await code(rds()), await code(org())]).toEqual(["ok", "ok", "ok"]);
    const res = await fetch(`${fresh.url}/_sim/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceSeconds: 901 }),
    });
    expect(((await res.json()) as { offsetSeconds: number }).offsetSeconds).toBe(901);
    expect([await code(ec2()), await code(rds()), await code(org())]).toEqual([
      "RequestExpired 400",
      "ExpiredToken 400",
      "ExpiredTokenException 400",
    ]);
    // Long-term keys never expire.
    expect(
      await code(new STSClient(fresh.cfg(fresh.user("cirrus-collector"))).send(new GetCallerIdentityCommand({}))),
    ).toBe("ok");
  });
});

describe("wire details", () => {
  const form = "Action=DescribeRegions&Version=2016-11-15";

  it("accepts a form content type with ; charset=utf-8 (AWS CLI style)", async () => {
    const r = await signedFetch(t.url, {
      service: "ec2",
      region: "us-east-1",
      keys: t.user("cirrus-collector"),
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain('<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">');
    expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(r.headers.get("date")!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("writes EC2, awsQuery and JSON errors in their own shapes", async () => {
    const bad = { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "x".repeat(40) };
    const ec2 = await signedFetch(t.url, {
      service: "ec2",
      region: "us-east-1",
      keys: bad,
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(ec2.status).toBe(401);
    expect(ec2.text).toMatch(
      /<Response><Errors><Error><Code>AuthFailure<\/Code><Message>[^<]+<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>/,
    );
    const q = await signedFetch(t.url, {
      service: "sts",
      region: "us-east-1",
      keys: bad,
      body: "Action=GetCallerIdentity&Version=2011-06-15",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(q.status).toBe(403);
    expect(q.text).toMatch(
      /<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidClientTokenId<\/Code>/,
    );
    const j = await signedFetch(t.url, {
      service: "organizations",
      region: "us-east-1",
      keys: bad,
      body: "{}",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSOrganizationsV20161128.ListAccounts",
      },
    });
    expect(j.status).toBe(400);
    expect(j.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
    expect(JSON.parse(j.text)).toEqual({
      __type: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
    });
  });

  it("rejects unsigned requests", async () => {
    const r = await signedFetch(t.url, {
      service: "sts",
      region: "us-east-1",
      body: "Action=GetCallerIdentity&Version=2011-06-15",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(r.status).toBe(403);
    expect(r.text).toContain("<Code>MissingAuthenticationToken</Code>");
  });
});
