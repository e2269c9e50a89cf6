// IMDSv2 (raw and through fromInstanceMetadata) and the control API: summary, mutations,
// MFA codes and the credentials document.
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import {
  DescribeHostsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeReservedInstancesCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromInstanceMetadata } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totp } from "../../src/index";
import { keysOf, type Keys, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const profile = () => t.spec.instanceProfile!;

describe("IMDSv2", () => {
  it("requires a session token and serves the role and its credentials", async () => {
    const credsPath = `${t.url}/latest/meta-data/iam/security-credentials/`;
    expect((await fetch(credsPath)).status).toBe(401);
    expect((await fetch(`${t.url}/latest/api/token`, { method: "PUT" })).status).toBe(400);
    const tokenRes = await fetch(`${t.url}/latest/api/token`, {
      method: "PUT",
      headers: { "x-aws-ec2-metadata-token-ttl-seconds": "300" },
    });
    const token = await tokenRes.text();
    const headers = { "x-aws-ec2-metadata-token": token };
    expect(await (await fetch(credsPath, { headers })).text()).toBe("CirrusInstanceRole");
    const creds = (await (await fetch(`${credsPath}CirrusInstanceRole`, { headers })).json()) as Record<string, string>;
    expect(creds).toMatchObject({ Code: "Success", Type: "AWS-HMAC" });
    expect(creds.AccessKeyId).toMatch(/^ASIA/);
    expect(Date.parse(creds.Expiration)).toBeGreaterThan(Date.now() + 3600_000);
    expect((await fetch(`${credsPath}OtherRole`, { headers })).status).toBe(404);
    const doc = (await (
      await fetch(`${t.url}/latest/dynamic/instance-identity/document`, { headers })
    ).json()) as Record<string, string>;
    expect(doc).toMatchObject({ accountId: "111111111111", region: "us-east-1", instanceId: profile().instanceId });
  });

  it("gives fromInstanceMetadata credentials that sign like any others", async () => {
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = t.url;
    process.env.AWS_EC2_METADATA_V1_DISABLED = "true";
    try {
      const provider = fromInstanceMetadata({ timeout: 2000, maxRetries: 0 });
      const keys = await provider();
      expect(keys.accessKeyId).toMatch(/^ASIA/);
      const id = await new STSClient({ endpoint: t.url, region: "us-east-1", credentials: provider }).send(
        new GetCallerIdentityCommand({}),
      );
      expect(id.Arn).toBe(`arn:aws:sts::111111111111:assumed-role/CirrusInstanceRole/${profile().instanceId}`);
      // The instance role has the collector's permissions: it reaches the member roles (chained, so ≤ 1 h).
      const role = t.memberRole("444444444444");
      const assumed = await new STSClient({ endpoint: t.url, region: "us-east-1", credentials: provider }).send(
        new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "from-imds", ExternalId: role.externalId }),
      );
      expect(assumed.AssumedRoleUser!.Arn).toContain("444444444444");
      const own = await new EC2Client({ endpoint: t.url, region: "us-east-1", credentials: provider }).send(
        new DescribeInstancesCommand({ InstanceIds: [profile().instanceId] }),
      );
      expect(own.Reservations![0].Instances![0].IamInstanceProfile!.Arn).toBe(
        "arn:aws:iam::111111111111:instance-profile/CirrusInstanceProfile",
      );
    } finally {
      delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
      delete process.env.AWS_EC2_METADATA_V1_DISABLED;
    }
  });
});

describe("control API", () => {
  const ACCOUNT = "444444444444";
  const REGION = "us-west-2";
  let keys: Keys;
  beforeAll(async () => {
    const role = t.memberRole(ACCOUNT);
    keys = keysOf(
      (
        await new STSClient(t.cfg(t.user("cirrus-collector"))).send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "control", ExternalId: role.externalId }),
        )
      ).Credentials,
    );
  });
  const ec2 = () => new EC2Client(t.cfg(keys, REGION));
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${t.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const summaryCell = async () => {
    const s = (await (await fetch(`${t.url}/_sim/summary`)).json()) as {
      accounts: {
        id: string;
        alias: string;
        regions: {
          name: string;
          optIn: string;
          instances: number;
          hosts: number;
          reservedInstances: number;
          dbInstances: number;
        }[];
      }[];
    };
    return s.accounts.find((a) => a.id === ACCOUNT)!.regions.find((r) => r.name === REGION)!;
  };
  const instanceIds = async () =>
    (await ec2().send(new DescribeInstancesCommand({}))).Reservations!.flatMap((r) =>
      r.Instances!.map((i) => i.InstanceId!),
    );

  it("summarizes every account and region", async () => {
    const s = (await (await fetch(`${t.url}/_sim/summary`)).json()) as {
      accounts: { id: string; alias: string; regions: { name: string; optIn: string; instances: number }[] }[];
    };
    expect(s.accounts.map((a) => a.alias)).toEqual([
      "acme-management",
      "acme-prod-web",
      "acme-prod-data",
      "acme-dev",
      "acme-sandbox",
    ]);
    const member = s.accounts[1];
    expect(member.regions.map((r) => r.optIn)).toEqual([
      "opt-in-not-required",
      "opt-in-not-required",
      "opt-in-not-required",
      "opted-in",
      "not-opted-in",
    ]);
    expect(member.regions[0]).toMatchObject({
      name: "us-east-1",
      instances: t.sim.world.region("222222222222", "us-east-1")!.instances.length,
    });
    expect(member.regions[4]).toEqual({
      name: "me-south-1",
      optIn: "not-opted-in",
      instances: 0,
      hosts: 0,
      reservedInstances: 0,
      dbInstances: 0,
    });
  });

  it("removes resources, changes instance state and adds instances", async () => {
    const before = await summaryCell();
    const [first, second] = await instanceIds();
    expect(
      (
        await post("/_sim/mutate", {
          op: "removeResource",
          type: "instance",
          account: ACCOUNT,
          region: REGION,
          id: first,
        })
      ).status,
    ).toBe(200);
    expect(await instanceIds()).not.toContain(first);
    expect(
      (
        await post("/_sim/mutate", {
          op: "setInstanceState",
          account: ACCOUNT,
          region: REGION,
          id: second,
          state: "stopped",
        })
      ).status,
    ).toBe(200);
    const stopped = await ec2().send(new DescribeInstancesCommand({ InstanceIds: [second] }));
    expect(stopped.Reservations![0].Instances![0].State).toEqual({ Code: 80, Name: "stopped" });
    expect(stopped.Reservations![0].Instances![0].StateTransitionReason).toMatch(
      /^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/,
    );
    const added = await post("/_sim/mutate", { op: "addInstances", account: ACCOUNT, region: REGION, count: 3 });
    const newIds = added.json.instanceIds as string[];
    expect(newIds).toHaveLength(3);
    expect(await instanceIds()).toEqual(expect.arrayContaining(newIds));
    const images = new Set(
      (await ec2().send(new DescribeInstancesCommand({ InstanceIds: newIds }))).Reservations!.flatMap((r) =>
        r.Instances!.map((i) => i.ImageId!),
      ),
    );
    expect((await ec2().send(new DescribeImagesCommand({ ImageIds: [...images] }))).Images).toHaveLength(images.size);
    expect((await summaryCell()).instances).toBe(before.instances - 1 + 3);
  });

  it("removes hosts, reserved instances and DB instances", async () => {
    const store = t.sim.world.region(ACCOUNT, "us-east-1")!;
    const host = store.hosts[0].HostId;
    const ri = store.reservedInstances[0].ReservedInstancesId;
    const db = store.dbInstances[0].DBInstanceIdentifier;
    for (const [type, id] of [
      ["host", host],
      ["reservedInstance", ri],
      ["dbInstance", db],
    ]) {
      expect(
        (await post("/_sim/mutate", { op: "removeResource", type, account: ACCOUNT, region: "us-east-1", id })).status,
      ).toBe(200);
    }
    const c = new EC2Client(t.cfg(keys, "us-east-1"));
    expect((await c.send(new DescribeHostsCommand({}))).Hosts!.map((h) => h.HostId)).not.toContain(host);
    expect(
      (await c.send(new DescribeReservedInstancesCommand({}))).ReservedInstances!.map((r) => r.ReservedInstancesId),
    ).not.toContain(ri);
    expect(
      (await new RDSClient(t.cfg(keys, "us-east-1")).send(new DescribeDBInstancesCommand({}))).DBInstances!.map(
        (d) => d.DBInstanceIdentifier,
      ),
    ).not.toContain(db);
    expect(
      (
        await post("/_sim/mutate", {
          op: "removeResource",
          type: "instance",
          account: ACCOUNT,
          region: "us-east-1",
          id: "i-00000000000000000",
        })
      ).status,
    ).toBe(404);
    expect((await post("/_sim/mutate", { op: "explode" })).status).toBe(400);
  });

  it("serves MFA codes on the simulator clock, the credentials document and 404 for unknown routes", async () => {
    const device = t.creds.mfaDevices[0];
    const res = (await (await fetch(`${t.url}/_sim/mfa/${encodeURIComponent(device.serialNumber)}/code`)).json()) as {
      code: string;
    };
    expect(res.code).toBe(totp(device.secretBase32, Date.now() + t.sim.control.clock().offsetSeconds * 1000));
    expect((await fetch(`${t.url}/_sim/mfa/${encodeURIComponent("arn:aws:iam::1:mfa/nobody")}/code`)).status).toBe(404);
    const creds = (await (await fetch(`${t.url}/_sim/credentials`)).json()) as {
      endpoint: string;
      users: { name: string }[];
      roles: unknown[];
    };
    expect(creds.endpoint).toBe(t.url);
    expect(creds.users[0].name).toBe("cirrus-collector");
    expect(creds.roles).toHaveLength(4);
    expect((await fetch(`${t.url}/_sim/nothing`)).status).toBe(404);
  });
});
