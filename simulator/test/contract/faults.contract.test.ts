// Fault injection through the control API: token-bucket and random throttling with each
// service's code, 5xx, account/region failures, latency, hangs, and the stats they produce.
import { ConfigServiceClient, DescribeConfigurationAggregatorsCommand } from "@aws-sdk/client-config-service";
import { DescribeInstancesCommand, DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { DescribeOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FaultsSpec } from "../../src/index";
import { keysOf, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());
afterEach(async () => {
  await fetch(`${t.url}/_sim/faults`, { method: "DELETE" });
});

const MGMT = "111111111111";
const setFaults = async (f: FaultsSpec) => {
  const res = await fetch(`${t.url}/_sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(f),
  });
  expect(res.status).toBe(200);
};
const outcome = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as { name: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e ? `${e.name} ${e.$metadata?.httpStatusCode}` : "ok";
};
const collector = () => t.user("cirrus-collector");
const regions = (region = "us-east-1", extra = {}) =>
  new EC2Client({ ...t.cfg(collector(), region), ...extra }).send(new DescribeRegionsCommand({}));

describe("throttling", () => {
  it("answers each service's throttling code once a configured bucket is empty", async () => {
    await setFaults({ throttle: { overrides: [{ selector: { account: MGMT }, burst: 2, refillPerSecond: 0.01 }] } });
    const calls: [string, () => Promise<unknown>][] = [
      ["RequestLimitExceeded 503", () => regions()],
      ["Throttling 400", () => new RDSClient(t.cfg(collector())).send(new DescribeDBInstancesCommand({}))],
      ["Throttling 400", () => new IAMClient(t.cfg(collector())).send(new ListAccountAliasesCommand({}))],
      ["Throttling 400", () => new STSClient(t.cfg(collector())).send(new GetCallerIdentityCommand({}))],
      [
        "TooManyRequestsException 400",
        () => new OrganizationsClient(t.cfg(collector())).send(new DescribeOrganizationCommand({})),
      ],
      [
        "ThrottlingException 400",
        () => new ConfigServiceClient(t.cfg(collector())).send(new DescribeConfigurationAggregatorsCommand({})),
      ],
    ];
    for (const [expected, call] of calls) {
      expect(await outcome(call())).toBe("ok");
      expect(await outcome(call())).toBe("ok");
      expect(await outcome(call())).toBe(expected);
    }
    // Buckets are per account + region + API: another region still has tokens.
    expect(await outcome(regions("eu-west-1"))).toBe("ok");
    expect(t.sim.control.stats().throttled).toBeGreaterThanOrEqual(6);
  });

  it("uses EC2's default buckets: 100 for describes, 50 for unfiltered unpaginated DescribeInstances", async () => {
    // Batches of parallel calls outpace the 20/s (10/s) refill even on a busy machine.
    const untilThrottled = async (call: () => Promise<unknown>, batch: number) => {
      const batches: string[][] = [];
      while (batches.length < 20 && !batches.flat().includes("RequestLimitExceeded 503")) {
        batches.push(await Promise.all(Array.from({ length: batch }, () => outcome(call()))));
      }
      return batches;
    };
    const describes = await untilThrottled(() => regions("us-west-2"), 25);
    expect(
      describes
        .slice(0, 4)
        .flat()
        .every((r) => r === "ok"),
    ).toBe(true);
    expect(describes.flat()).toContain("RequestLimitExceeded 503");
    const ec2 = new EC2Client(t.cfg(collector(), "eu-west-1"));
    const unpaged = await untilThrottled(() => ec2.send(new DescribeInstancesCommand({})), 25);
    expect(
      unpaged
        .slice(0, 2)
        .flat()
        .every((r) => r === "ok"),
    ).toBe(true);
    expect(unpaged.flat()).toContain("RequestLimitExceeded 503");
    // Sending MaxResults moves DescribeInstances to the larger bucket.
    expect(await outcome(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 })))).toBe("ok");
  });

  it("throttles at a seeded random rate, reproducibly", async () => {
    const run = async () => {
      await setFaults({
        seed: 42,
        rules: [{ selector: { api: "ec2:*" }, throttleRate: 0.5 }],
        throttle: { enabled: false },
      });
      const out: string[] = [];
      for (let i = 0; i < 20; i++) out.push(await outcome(regions()));
      return out;
    };
    const first = await run();
    expect(first).toContain("ok");
    expect(first).toContain("RequestLimitExceeded 503");
    expect(await run()).toEqual(first);
  });
});

describe("failures, latency and hangs", () => {
  it("injects 5xx at a rate with the chosen code", async () => {
    await setFaults({ rules: [{ selector: { api: "ec2:DescribeRegions" }, errorRate: 1 }] });
    expect(await outcome(regions())).toBe("ServiceUnavailable 503");
    await setFaults({
      rules: [{ selector: { api: "sts:GetCallerIdentity" }, errorRate: 1, errorCode: "InternalError" }],
    });
    expect(await outcome(new STSClient(t.cfg(collector())).send(new GetCallerIdentityCommand({})))).toBe(
      "InternalError 500",
    );
    expect(await outcome(regions())).toBe("ok");
  });

  it("makes one account + region fail, by default with a 503, or with a chosen code", async () => {
    const role = t.memberRole("222222222222");
    const keys = keysOf(
      (
        await new STSClient(t.cfg(collector())).send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "faults", ExternalId: role.externalId }),
        )
      ).Credentials,
    );
    await setFaults({ rules: [{ selector: { account: "222222222222", region: "eu-west-1" }, fail: {} }] });
    expect(await outcome(new EC2Client(t.cfg(keys, "eu-west-1")).send(new DescribeRegionsCommand({})))).toBe(
      "ServiceUnavailable 503",
    );
    expect(await outcome(new EC2Client(t.cfg(keys, "us-east-1")).send(new DescribeRegionsCommand({})))).toBe("ok");
    await setFaults({
      rules: [
        {
          selector: { region: "us-west-2" },
          fail: { code: "OptInRequired", status: 403, message: "You are not subscribed to this service." },
        },
      ],
    });
    expect(await outcome(new EC2Client(t.cfg(keys, "us-west-2")).send(new DescribeRegionsCommand({})))).toBe(
      "OptInRequired 403",
    );
  });

  it("adds latency and holds requests for hangMs", async () => {
    await setFaults({ rules: [{ selector: { api: "ec2:DescribeRegions" }, latencyMs: 250, jitterMs: 0 }] });
    let started = performance.now();
    expect(await outcome(regions())).toBe("ok");
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    await setFaults({ rules: [{ selector: { api: "ec2:DescribeRegions" }, hangMs: 300 }] });
    started = performance.now();
    expect(await outcome(regions())).toBe("ok");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("never answers a hanging API, so the client's timeout fires", async () => {
    await setFaults({ rules: [{ selector: { api: "ec2:DescribeRegions", region: "ap-east-1" }, hang: true }] });
    const started = performance.now();
    const result = await outcome(
      regions("ap-east-1", {
        requestHandler: new NodeHttpHandler({ requestTimeout: 400, throwOnRequestTimeout: true }),
      }),
    );
    expect(result).toMatch(/^TimeoutError/);
    expect(performance.now() - started).toBeLessThan(5000);
    await fetch(`${t.url}/_sim/faults`, { method: "DELETE" });
    expect(await outcome(regions("ap-east-1"))).toBe("ok");
  });
});

describe("stats", () => {
  it("counts requests per API and the peak number in flight", async () => {
    await fetch(`${t.url}/_sim/stats/reset`, { method: "POST" });
    await setFaults({
      rules: [{ selector: { api: "ec2:DescribeRegions" }, latencyMs: 200 }],
      throttle: { enabled: false },
    });
    await Promise.all(Array.from({ length: 12 }, () => regions()));
    await setFaults({ rules: [{ selector: { api: "sts:GetCallerIdentity" }, errorRate: 1 }] });
    await outcome(new STSClient(t.cfg(collector())).send(new GetCallerIdentityCommand({})));
    const stats = (await (await fetch(`${t.url}/_sim/stats`)).json()) as {
      total: number;
      errored: number;
      throttled: number;
      peakConcurrency: number;
      requests: Record<string, number>;
    };
    expect(stats.requests["ec2:DescribeRegions"]).toBe(12);
    expect(stats.requests["sts:GetCallerIdentity"]).toBe(1);
    expect(stats.total).toBe(13);
    expect(stats.errored).toBe(1);
    expect(stats.peakConcurrency).toBeGreaterThanOrEqual(12);
  });
});
