// Contract test against moto_server, an AWS emulator written independently of our simulator:
// a world built through the AWS SDK in moto (two member accounts reached by AssumeRole, three
// regions, more than 1000 instances in one region, RDS Oracle under BYOL and licence-included,
// a dedicated host) must be collected exactly. moto does not implement
// DescribeReservedInstances (it answers 500 with an HTML page), so those scopes, and only those,
// fail: the run is partial. moto accepts any signature, AssumeRole into any account and ignores
// external IDs; resources created with an assumed role's credentials belong to its account.
import type { ChildProcess } from "node:child_process";
import { AllocateHostsCommand, DescribeImagesCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateDBInstanceCommand, RDSClient } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@smithy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectConnection } from "@/lib/collector";
import { createConnection } from "@/lib/connections/save-connection";
import { getDb } from "@/lib/db";
import { startMoto } from "@/simulator/test/moto-server";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const BASE: AwsCredentialIdentity = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "moto-does-not-verify-signatures",
};
const ROLE = "CirrusInventoryRole";
const [PROD, DEV] = ["210987654321", "310987654321"];
const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const roleArn = (account: string) => `arn:aws:iam::${account}:role/${ROLE}`;
const cell = (account: string, region: string) => `${account}|${region}`;

// What the world holds, recorded from moto's own answers while building it.
const expected = {
  instances: new Map<string, string>(),
  hosts: new Set<string>(),
  dbs: new Map<string, { engine: string; licenseModel: string }>(),
};
let moto: ChildProcess | undefined;
let motoUrl = "";

async function credentialsIn(account: string): Promise<AwsCredentialIdentity> {
  const sts = new STSClient({ endpoint: motoUrl, region: "us-east-1", credentials: BASE });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`,
      RoleSessionName: "world-setup",
    }),
  );
  return {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken,
  };
}

async function launch(
  account: string,
  credentials: AwsCredentialIdentity,
  region: string,
  batches: { count: number; type: string; windows?: boolean }[],
) {
  const ec2 = new EC2Client({ endpoint: motoUrl, region, credentials });
  const images = (await ec2.send(new DescribeImagesCommand({ Owners: ["amazon"] }))).Images ?? [];
  for (const batch of batches) {
    const image = images.find(
      (i) => (String(i.Platform ?? "").toLowerCase() === "windows") === Boolean(batch.windows),
    )!;
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: image.ImageId,
        MinCount: batch.count,
        MaxCount: batch.count,
        InstanceType: batch.type as never,
      }),
    );
    for (const instance of out.Instances ?? [])
      expected.instances.set(`${cell(account, region)}|${instance.InstanceId}`, batch.type);
  }
}

async function allocateHost(account: string, credentials: AwsCredentialIdentity, region: string) {
  const out = await new EC2Client({ endpoint: motoUrl, region, credentials }).send(
    new AllocateHostsCommand({ AvailabilityZone: `${region}a`, InstanceType: "r5.large", Quantity: 1 }),
  );
  for (const id of out.HostIds ?? []) expected.hosts.add(`${cell(account, region)}|${id}`);
}

async function createOracle(
  account: string,
  credentials: AwsCredentialIdentity,
  region: string,
  id: string,
  engine: string,
  licenseModel: string,
) {
  const rds = new RDSClient({ endpoint: motoUrl, region, credentials });
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: id,
      Engine: engine,
      LicenseModel: licenseModel,
      DBInstanceClass: "db.r5.xlarge",
      MasterUsername: "admin",
      MasterUserPassword: "password123",
      AllocatedStorage: 100,
    }),
  );
  expected.dbs.set(`${cell(account, region)}|${id}`, { engine, licenseModel });
}

beforeAll(async () => {
  const server = await startMoto();
  moto = server.process;
  motoUrl = server.url;
  const prod = await credentialsIn(PROD);
  const dev = await credentialsIn(DEV);
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }],
  });
  for (const credentials of [prod, dev])
    await new IAMClient({ endpoint: motoUrl, region: "us-east-1", credentials }).send(
      new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: trust }),
    );
  // More than 1000 instances in one region, in few RunInstances calls (moto is slow per call).
  await launch(PROD, prod, "us-east-1", [
    { count: 250, type: "m5.large" },
    { count: 250, type: "m5.large" },
    { count: 240, type: "t3.micro" },
    { count: 240, type: "t3.micro" },
    { count: 20, type: "r5.xlarge", windows: true },
    { count: 10, type: "c5.large" },
  ]);
  await launch(PROD, prod, "eu-west-1", [{ count: 7, type: "c5.xlarge" }]);
  await launch(DEV, dev, "eu-west-1", [
    { count: 12, type: "m5.xlarge" },
    { count: 2, type: "m5.2xlarge", windows: true },
  ]);
  await launch(DEV, dev, "ap-southeast-2", [{ count: 3, type: "t3.small" }]);
  await allocateHost(PROD, prod, "us-east-1");
  await allocateHost(DEV, dev, "eu-west-1");
  await createOracle(PROD, prod, "us-east-1", "oracle-ee-byol-001", "oracle-ee", "bring-your-own-license");
  // moto 5.2.1 gives every DB instance the same DbiResourceId (a constant in moto/rds/models.py),
  // which AWS never does; Cirrus identifies a DB by account, region and DbiResourceId, so two DBs
  // of one account and region would be one resource here. One DB per account and region keeps the
  // comparison to what moto models faithfully.
  await createOracle(PROD, prod, "ap-southeast-2", "oracle-se2-li-001", "oracle-se2", "license-included");
  await createOracle(DEV, dev, "eu-west-1", "oracle-se2-byol-001", "oracle-se2", "bring-your-own-license");
}, 120_000);

afterAll(() => {
  moto?.kill();
});

describe("collecting a world built in moto_server", () => {
  it("stores exactly the instances, hosts and RDS instances created; only the reserved-instance scopes fail", async () => {
    const { id: connectionId } = await createConnection(
      {
        name: `moto-${Math.random().toString(36).slice(2, 8)}`,
        accessKeyId: BASE.accessKeyId,
        secretAccessKey: BASE.secretAccessKey,
        externalId: "moto-ignores-external-ids",
        accountMode: "role-arns",
        roleArns: [roleArn(PROD), roleArn(DEV)],
        regionMode: "list",
        regions: REGIONS,
        endpointUrl: motoUrl,
        concurrency: 16,
        // moto has no SSM Inventory operations (docs: ENVIRONMENT.md): the simulator's suites cover it.
        collectSoftware: false,
      },
      { actor: null, ip: null },
    );
    // Pages of 5: moto counts DescribeInstances' MaxResults in reservations (one per
    // RunInstances call), so only a small page makes it page at all.
    const result = await collectConnection({ connectionId, trigger: "cli" }, { pageSize: 5 });

    const scopes = await getDb().runScope.findMany({
      where: { runId: result.runId },
      orderBy: [{ accountId: "asc" }, { region: "asc" }, { resourceType: "asc" }],
    });
    const failed = scopes.filter((scope) => scope.status !== "succeeded");
    expect(failed.map((scope) => `${cell(scope.accountId, scope.region)}|${scope.resourceType}`).sort()).toEqual(
      [PROD, DEV].flatMap((account) => REGIONS.map((region) => `${cell(account, region)}|reserved-instance`)).sort(),
    );
    expect(scopes).toHaveLength(2 * REGIONS.length * 4);
    expect(result.status).toBe("partial");

    const where = { connectionId, removedAt: null };
    const instances = await getDb().ec2Instance.findMany({
      where,
      select: { accountId: true, region: true, instanceId: true, instanceType: true, data: true },
    });
    expect(new Map(instances.map((i) => [`${cell(i.accountId, i.region)}|${i.instanceId}`, i.instanceType]))).toEqual(
      expected.instances,
    );
    expect(instances).toHaveLength(expected.instances.size);
    expect(expected.instances.size).toBeGreaterThan(1000);
    const perCell = (keys: Iterable<string>) =>
      [...keys].reduce(
        (m, key) => m.set(key.split("|").slice(0, 2).join("|"), (m.get(key.split("|").slice(0, 2).join("|")) ?? 0) + 1),
        new Map<string, number>(),
      );
    expect(perCell(instances.map((i) => cell(i.accountId, i.region)))).toEqual(perCell(expected.instances.keys()));
    expect(instances.every((i) => (JSON.parse(i.data) as { ownerId: string }).ownerId === i.accountId)).toBe(true);
    const paged = scopes.filter(
      (scope) => scope.resourceType === "ec2-instance" && scope.accountId === PROD && scope.region === "us-east-1",
    );
    expect(paged[0].pages).toBeGreaterThan(1);

    const hosts = await getDb().dedicatedHost.findMany({
      where,
      select: { accountId: true, region: true, hostId: true, instanceType: true },
    });
    expect(new Set(hosts.map((h) => `${cell(h.accountId, h.region)}|${h.hostId}`))).toEqual(expected.hosts);
    expect(hosts.map((h) => h.instanceType)).toEqual(["r5.large", "r5.large"]);

    const dbs = await getDb().dbInstance.findMany({
      where,
      select: {
        accountId: true,
        region: true,
        dbInstanceIdentifier: true,
        engine: true,
        licenceModel: true,
        data: true,
      },
    });
    expect(
      new Map(
        dbs.map((d) => [
          `${cell(d.accountId, d.region)}|${d.dbInstanceIdentifier}`,
          { engine: d.engine!, licenseModel: (JSON.parse(d.data) as { licenseModel: string }).licenseModel },
        ]),
      ),
    ).toEqual(expected.dbs);
    expect(Object.fromEntries(dbs.map((d) => [d.dbInstanceIdentifier, d.licenceModel]))).toEqual({
      "oracle-ee-byol-001": "byol",
      "oracle-se2-li-001": "license-included",
      "oracle-se2-byol-001": "byol",
    });
    expect(await getDb().reservedInstance.count({ where: { connectionId } })).toBe(0);
  });
});
