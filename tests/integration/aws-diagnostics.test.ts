// Test Connection names what is wrong: bad secret, wrong external ID, a missing permission in
// one region, a region not enabled, a missing aggregator, a hanging endpoint.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runConnectionTest } from "@/lib/connections/probe";
import { DEMO_NAMES, DEMO_RDS_DENIED } from "@/simulator/src/index";
import { type DemoSim, event, MANAGEMENT_ACCOUNT, startDemo } from "./aws-fixtures";
import { SOFTWARE_ACTIONS } from "./support/software-scopes";

let demo: DemoSim;
beforeAll(async () => {
  demo = await startDemo();
});
afterEach(() => {
  demo.sim.control.clearFaults();
});
afterAll(async () => {
  await demo?.sim.close();
});

const denied = DEMO_RDS_DENIED.aws;

describe("diagnostics", () => {
  it("a wrong secret is a credentials error on the identity step", async () => {
    const collector = demo.user(DEMO_NAMES.collectorUser);
    const secret = `${collector.secretAccessKey.slice(0, -4)}XXXX`;
    const report = await runConnectionTest(
      demo.settings({
        credentials: { kind: "access-key", accessKeyId: collector.accessKeyId, secretAccessKey: secret },
      }),
    );
    expect(report.outcome).toBe("failed");
    expect(event(report, "identity")).toMatchObject({
      status: "credentials",
      errorCode: "SignatureDoesNotMatch",
      hint: expect.stringMatching(/secret/),
    });
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(report.events.some((e) => e.step === "discovery")).toBe(false);
  });

  it("a wrong external ID is an assume-role failure that mentions the external ID", async () => {
    const member = demo.role(denied.account);
    const report = await runConnectionTest(
      demo.settings({ accounts: { mode: "role-arns", roleArns: [member.arn] }, externalId: "wrong-external-id-value" }),
    );
    const check = event(report, `account:${denied.account}`);
    expect(check).toMatchObject({ status: "assume-role-failed", errorCode: "AccessDenied", action: "sts:AssumeRole" });
    expect(check.message).toMatch(/external ID/);
    expect(check.hint).toMatch(/external ID/);
    expect(check.hint).toMatch(/trust policy/);
    expect(report.outcome).toBe("failed");
    expect(report.accounts).toEqual([{ accountId: denied.account, ok: false }]);
  });

  it("the role lacking rds:DescribeDBInstances in one region: that cell is denied, the others pass, the not-opted-in region is not an error", async () => {
    const member = demo.role(denied.account);
    const report = await runConnectionTest(
      demo.settings({
        accounts: { mode: "role-arns", roleArns: [member.arn] },
        externalId: member.externalId,
        regions: { mode: "all-enabled" },
      }),
    );
    const cell = event(report, `api:${denied.account}:${denied.region}:rds:DescribeDBInstances`);
    expect(cell).toMatchObject({
      status: "denied",
      action: "rds:DescribeDBInstances",
      errorCode: "AccessDenied",
      region: denied.region,
    });
    expect(cell.message).toContain("rds:DescribeDBInstances");
    expect(cell.hint).toContain("rds:DescribeDBInstances");
    const enabled = ["us-east-1", "us-west-2", "eu-west-1", "ap-east-1"];
    for (const region of enabled) {
      for (const action of [
        "ec2:DescribeInstances",
        "ec2:DescribeHosts",
        "ec2:DescribeReservedInstances",
        "ec2:DescribeImages",
        "rds:DescribeDBInstances",
      ]) {
        if (region === denied.region && action === "rds:DescribeDBInstances") continue;
        expect(event(report, `api:${denied.account}:${region}:${action}`).status, `${region} ${action}`).toBe("ok");
      }
    }
    expect(event(report, `region:${denied.account}:me-south-1`)).toMatchObject({
      status: "region-not-enabled",
      region: "me-south-1",
    });
    expect(report.events.some((e) => e.id.startsWith(`api:${denied.account}:me-south-1:`))).toBe(false);
    expect(event(report, `regions:${denied.account}`).details).toEqual({ enabled, notEnabled: ["me-south-1"] });
    expect(report.outcome).toBe("passed-with-warnings");
  });

  it("a listed region that is not enabled shows as not enabled, and alone does not lower the outcome", async () => {
    const report = await runConnectionTest(
      demo.settings({ regions: { mode: "list", regions: ["us-east-1", "me-south-1"] } }),
    );
    expect(event(report, `region:${MANAGEMENT_ACCOUNT}:me-south-1`).status).toBe("region-not-enabled");
    expect(report.outcome).toBe("passed");
  });

  it("the Config adapter: the aggregator exists and answers a query; a wrong name is not found", async () => {
    const aggregator = demo.creds.aggregators[0];
    const good = await runConnectionTest(
      demo.settings({
        adapter: { kind: "config-aggregator", aggregatorName: aggregator.name, aggregatorRegion: aggregator.region },
      }),
    );
    expect(event(good, "aggregator:describe")).toMatchObject({ status: "ok", details: { arn: aggregator.arn } });
    expect(event(good, "aggregator:query")).toMatchObject({ status: "ok", details: { results: 1 } });
    // Config covers instances, hosts and RDS; reserved instances, AMIs, instance types and SSM
    // Inventory (software collection is on by default) are still read per region.
    expect(
      good.events
        .filter((e) => e.step === "api" && e.region === "us-east-1")
        .map((e) => e.action)
        .sort(),
    ).toEqual(
      ["ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeReservedInstances", ...SOFTWARE_ACTIONS].sort(),
    );
    expect(good.outcome).toBe("passed");

    const missing = await runConnectionTest(
      demo.settings({
        adapter: {
          kind: "config-aggregator",
          aggregatorName: "no-such-aggregator",
          aggregatorRegion: aggregator.region,
        },
      }),
    );
    expect(event(missing, "aggregator:describe")).toMatchObject({
      status: "not-found",
      errorCode: "NoSuchConfigurationAggregatorException",
    });
    expect(event(missing, "aggregator:query").status).toBe("skipped");
    expect(missing.outcome).toBe("failed");
  });

  it("a hanging API times out on its own and the whole test ends by its deadline", async () => {
    demo.sim.control.setFaults({ rules: [{ selector: { api: "ec2:DescribeHosts" }, hang: true }] });
    const started = Date.now();
    const report = await runConnectionTest(demo.settings({ regions: { mode: "list", regions: ["us-east-1"] } }), {
      requestTimeoutMs: 500,
      maxAttempts: 1,
      deadlineMs: 5_000,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(event(report, `api:${MANAGEMENT_ACCOUNT}:us-east-1:ec2:DescribeHosts`)).toMatchObject({
      status: "network-error",
      errorCode: "TimeoutError",
    });
    expect(event(report, `api:${MANAGEMENT_ACCOUNT}:us-east-1:ec2:DescribeInstances`).status).toBe("ok");
    expect(report.outcome).toBe("passed-with-warnings");

    const deadline = await runConnectionTest(demo.settings({ regions: { mode: "list", regions: ["us-east-1"] } }), {
      requestTimeoutMs: 20_000,
      deadlineMs: 1_500,
    });
    expect(event(deadline, `api:${MANAGEMENT_ACCOUNT}:us-east-1:ec2:DescribeHosts`)).toMatchObject({
      status: "network-error",
      errorCode: "DeadlineExceeded",
    });
    expect(deadline.finishedAt.getTime() - deadline.startedAt.getTime()).toBeLessThan(4_000);
  });
});
