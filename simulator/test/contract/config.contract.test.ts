// Config aggregator queries: DescribeConfigurationAggregators, and SelectAggregateResourceConfig
// results that must agree with direct EC2/RDS calls.
import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  paginateSelectAggregateResourceConfig,
  SelectAggregateResourceConfigCommand,
} from "@aws-sdk/client-config-service";
import { EC2Client, paginateDescribeHosts, paginateDescribeInstances } from "@aws-sdk/client-ec2";
import { paginateDescribeDBInstances, RDSClient } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RDS_DENIED } from "../../src/index";
import { failure, keysOf, type Keys, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

describe("Config aggregator", () => {
  const config = (keys: Keys = t.user("cirrus-collector"), region = "us-east-1") =>
    new ConfigServiceClient(t.cfg(keys, region));

  it("describes the organization aggregator in its home region only", async () => {
    const out = await config().send(new DescribeConfigurationAggregatorsCommand({}));
    expect(out.ConfigurationAggregators).toHaveLength(1);
    expect(out.ConfigurationAggregators![0]).toMatchObject({
      ConfigurationAggregatorName: "cirrus-aggregator",
      OrganizationAggregationSource: { AllAwsRegions: true },
    });
    expect(
      (await config(undefined, "eu-west-1").send(new DescribeConfigurationAggregatorsCommand({})))
        .ConfigurationAggregators,
    ).toEqual([]);
    expect(
      (
        await failure(
          config(undefined, "eu-west-1").send(
            new SelectAggregateResourceConfigCommand({
              ConfigurationAggregatorName: "cirrus-aggregator",
              Expression: "SELECT resourceId",
            }),
          ),
        )
      ).name,
    ).toBe("NoSuchConfigurationAggregatorException");
  });

  it("returns exactly the instances, hosts and DB instances that direct EC2/RDS calls return", async () => {
    const viaConfig: Record<string, string[]> = {
      "AWS::EC2::Instance": [],
      "AWS::EC2::Host": [],
      "AWS::RDS::DBInstance": [],
    };
    let pages = 0;
    const expression =
      "SELECT resourceType, resourceId, accountId, awsRegion WHERE resourceType IN ('AWS::EC2::Instance', 'AWS::EC2::Host', 'AWS::RDS::DBInstance')";
    for await (const page of paginateSelectAggregateResourceConfig(
      { client: config(), pageSize: 100 },
      { ConfigurationAggregatorName: "cirrus-aggregator", Expression: expression },
    )) {
      pages++;
      for (const r of page.Results!) {
        const item = JSON.parse(r) as {
          resourceType: string;
          resourceId: string;
          accountId: string;
          awsRegion: string;
        };
        viaConfig[item.resourceType].push(`${item.accountId}/${item.awsRegion}/${item.resourceId}`);
      }
    }
    expect(pages).toBeGreaterThan(3);

    const direct: Record<string, string[]> = {
      "AWS::EC2::Instance": [],
      "AWS::EC2::Host": [],
      "AWS::RDS::DBInstance": [],
    };
    const sts = new STSClient(t.cfg(t.user("cirrus-collector")));
    for (const account of t.spec.accounts) {
      const role = t.creds.roles.find((r) => r.account === account.id);
      const keys = role
        ? keysOf(
            (
              await sts.send(
                new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "cfg", ExternalId: role.externalId }),
              )
            ).Credentials,
          )
        : t.user("cirrus-collector");
      for (const region of account.regions.filter((r) => r.optIn !== "not-opted-in").map((r) => r.name)) {
        const prefix = `${account.id}/${region}/`;
        const ec2 = new EC2Client(t.cfg(keys, region));
        for await (const p of paginateDescribeInstances({ client: ec2, pageSize: 100 }, {}))
          for (const r of p.Reservations!)
            direct["AWS::EC2::Instance"].push(...r.Instances!.map((i) => prefix + i.InstanceId));
        for await (const p of paginateDescribeHosts({ client: ec2, pageSize: 100 }, {}))
          direct["AWS::EC2::Host"].push(...p.Hosts!.map((h) => prefix + h.HostId));
        const denied = DEMO_RDS_DENIED.aws.account === account.id && DEMO_RDS_DENIED.aws.region === region;
        // The denied cell cannot be read directly by design; Config still records it.
        if (denied)
          direct["AWS::RDS::DBInstance"].push(
            ...t.sim.world.region(account.id, region)!.dbInstances.map((d) => prefix + d.DbiResourceId),
          );
        else
          for await (const p of paginateDescribeDBInstances({ client: new RDSClient(t.cfg(keys, region)) }, {}))
            direct["AWS::RDS::DBInstance"].push(...p.DBInstances!.map((d) => prefix + d.DbiResourceId));
      }
    }
    for (const type of Object.keys(direct)) expect(viaConfig[type].sort(), type).toEqual(direct[type].sort());
  });

  it("selects nested configuration fields with AND filters", async () => {
    const out = await config().send(
      new SelectAggregateResourceConfigCommand({
        ConfigurationAggregatorName: "cirrus-aggregator",
        Expression:
          "SELECT accountId, awsRegion, resourceId, configuration.instanceType, configuration.cpuOptions.coreCount, configuration.cpuOptions.threadsPerCore, configuration.usageOperation, tags WHERE resourceType = 'AWS::EC2::Instance' AND accountId = '333333333333' AND awsRegion = 'eu-west-1'",
        Limit: 100,
      }),
    );
    const w = t.sim.world.region("333333333333", "eu-west-1")!.instances;
    expect(out.QueryInfo!.SelectFields!.map((f) => f.Name)).toContain("configuration.cpuOptions.coreCount");
    const items = out.Results!.map(
      (r) =>
        JSON.parse(r) as {
          resourceId: string;
          configuration: {
            instanceType: string;
            cpuOptions: { coreCount: number; threadsPerCore: number };
            usageOperation: string;
          };
          tags: { key: string; value: string }[];
        },
    );
    expect(items.map((i) => i.resourceId)).toEqual(w.map((i) => i.InstanceId));
    for (const [n, item] of items.entries()) {
      expect(item.configuration).toEqual({
        instanceType: w[n].InstanceType,
        cpuOptions: { coreCount: w[n].CpuOptions.CoreCount, threadsPerCore: w[n].CpuOptions.ThreadsPerCore },
        usageOperation: w[n].UsageOperation,
      });
      expect(item.tags.map((x) => [x.key, x.value])).toEqual(w[n].Tags.map((x) => [x.Key, x.Value]));
    }
    const rds = await config().send(
      new SelectAggregateResourceConfigCommand({
        ConfigurationAggregatorName: "cirrus-aggregator",
        Expression:
          "SELECT configuration.dBInstanceIdentifier, configuration.licenseModel, configuration.engine WHERE resourceType = 'AWS::RDS::DBInstance' AND configuration.engine LIKE 'oracle%'",
      }),
    );
    expect(rds.Results!.length).toBeGreaterThan(0);
    for (const r of rds.Results!) expect(JSON.parse(r).configuration.engine).toMatch(/^oracle-/);
  });

  it("rejects unsupported grammar, a large Limit and callers without permission", async () => {
    const select = (Expression: string, extra = {}, keys?: Keys) =>
      config(keys).send(
        new SelectAggregateResourceConfigCommand({
          ConfigurationAggregatorName: "cirrus-aggregator",
          Expression,
          ...extra,
        }),
      );
    expect(await failure(select("SELECT COUNT(*) WHERE resourceType = 'AWS::EC2::Instance'"))).toMatchObject({
      name: "InvalidExpressionException",
      status: 400,
    });
    expect((await failure(select("SELECT resourceId", { Limit: 101 }))).name).toBe("InvalidLimitException");
    const serial = t.creds.mfaDevices[0].serialNumber;
    const mfa = keysOf(
      (
        await new STSClient(t.cfg(t.user("cirrus-mfa"))).send(
          new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: t.sim.control.mfaCode(serial) }),
        )
      ).Credentials,
    );
    expect(await failure(select("SELECT resourceId", {}, mfa))).toMatchObject({
      name: "AccessDeniedException",
      status: 400,
    });
  });
});
