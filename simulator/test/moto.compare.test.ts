// Runs the scenarios moto also implements against moto_server and against the simulator, and
// checks that the SDK returns the same shapes (keys and value types of the fields a collector
// reads) from both. Where moto differs from real AWS, the simulator follows AWS and the field
// is listed in MOTO_GAPS (shapes.ts) with the reason.
import type { ChildProcess } from "node:child_process";
import {
  AllocateHostsCommand,
  DescribeHostsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
} from "@aws-sdk/client-iam";
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { CreateDBInstanceCommand, DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keysOf, type Keys, startTestSim, type TestSim } from "./helpers";
import { startMoto } from "./moto-server";
import { compareShapes } from "./shapes";

const TARGET = "222222222222";
const REGION = "us-east-1";

let moto: ChildProcess;
let motoUrl: string;
let t: TestSim;
const motoRoot: Keys = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "moto-does-not-verify-signatures" };
let motoMember: Keys;
let simMember: Keys;
const motoCfg = (keys: Keys) => ({ endpoint: motoUrl, region: REGION, credentials: keys, maxAttempts: 1 });

beforeAll(async () => {
  const server = await startMoto();
  moto = server.process;
  motoUrl = server.url;
  t = await startTestSim();

  // moto: assume a role in another account; resources created with it belong to that account.
  const assumed = await new STSClient(motoCfg(motoRoot)).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${TARGET}:role/CirrusInventoryRole`,
      RoleSessionName: "compare",
      ExternalId: "ignored-by-moto",
    }),
  );
  motoMember = keysOf(assumed.Credentials);
  const ec2 = new EC2Client(motoCfg(motoMember));
  const images = await ec2.send(new DescribeImagesCommand({ Owners: ["amazon"] }));
  // The SDK types Platform as "Windows", the wire value is "windows".
  const windows = images.Images!.find((i) => String(i.Platform).toLowerCase() === "windows")!;
  await ec2.send(
    new RunInstancesCommand({
      ImageId: windows.ImageId,
      MinCount: 2,
      MaxCount: 2,
      InstanceType: "m5.large",
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "win-1" }] }],
    }),
  );
  await ec2.send(new AllocateHostsCommand({ AvailabilityZone: `${REGION}a`, InstanceType: "m5.large", Quantity: 1 }));
  await new RDSClient(motoCfg(motoMember)).send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: "oracle-prod-001",
      Engine: "oracle-ee",
      DBInstanceClass: "db.r5.xlarge",
      LicenseModel: "bring-your-own-license",
      MasterUsername: "admin",
      MasterUserPassword: "password123",
      AllocatedStorage: 100,
      Tags: [{ Key: "Environment", Value: "prod" }],
    }),
  );
  const iam = new IAMClient(motoCfg(motoRoot));
  await iam.send(new CreateUserCommand({ UserName: "cirrus-collector" }));
  await iam.send(new CreateGroupCommand({ GroupName: "cirrus-collectors" }));
  await iam.send(new AddUserToGroupCommand({ GroupName: "cirrus-collectors", UserName: "cirrus-collector" }));
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: "CirrusCollectorPolicy",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${TARGET}:role/CirrusInventoryRole` },
        ],
      }),
    }),
  );
  await iam.send(new AttachUserPolicyCommand({ UserName: "cirrus-collector", PolicyArn: policy.Policy!.Arn }));
  const org = new OrganizationsClient(motoCfg(motoRoot));
  await org.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  await org.send(new CreateAccountCommand({ AccountName: "acme-prod-web", Email: "aws+acme-prod-web@acme.example" }));

  const role = t.memberRole(TARGET);
  simMember = keysOf(
    (
      await new STSClient(t.cfg(t.user("cirrus-collector"))).send(
        new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: "compare", ExternalId: role.externalId }),
      )
    ).Credentials,
  );
}, 60_000);

afterAll(async () => {
  moto?.kill();
  await t?.sim.close();
});

describe("simulator vs moto: same SDK output shapes", () => {
  it("AssumeRole into another account", async () => {
    const run = async (url: string, keys: Keys, roleArn: string, externalId: string) => {
      const sts = new STSClient({ endpoint: url, region: REGION, credentials: keys, maxAttempts: 1 });
      const out = await sts.send(
        new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "shape", ExternalId: externalId }),
      );
      const id = await new STSClient({
        endpoint: url,
        region: REGION,
        credentials: keysOf(out.Credentials),
        maxAttempts: 1,
      }).send(new GetCallerIdentityCommand({}));
      return { out, id };
    };
    const role = t.memberRole(TARGET);
    const m = await run(motoUrl, motoRoot, `arn:aws:iam::${TARGET}:role/CirrusInventoryRole`, "x-ignored");
    const s = await run(t.url, t.user("cirrus-collector"), role.arn, role.externalId);
    compareShapes("AssumeRole", m.out, s.out, [
      "Credentials.AccessKeyId",
      "Credentials.SecretAccessKey",
      "Credentials.SessionToken",
      "Credentials.Expiration",
      "AssumedRoleUser.Arn",
      "AssumedRoleUser.AssumedRoleId",
    ]);
    compareShapes("GetCallerIdentity", m.id, s.id, ["Account", "Arn", "UserId"]);
    // Both partition resources by account: the session belongs to the role's account.
    expect([m.id.Account, s.id.Account]).toEqual([TARGET, TARGET]);
    expect(m.out.Credentials!.AccessKeyId!.slice(0, 4)).toBe(s.out.Credentials!.AccessKeyId!.slice(0, 4));
  });

  it("DescribeInstances and DescribeImages", async () => {
    // moto holds only the Windows instances launched above (it does not implement the platform filter).
    const m = await new EC2Client(motoCfg(motoMember)).send(new DescribeInstancesCommand({}));
    const s = await new EC2Client(t.cfg(simMember)).send(
      new DescribeInstancesCommand({ Filters: [{ Name: "platform", Values: ["windows"] }] }),
    );
    expect(m.Reservations![0].OwnerId).toBe(TARGET);
    const i = "Reservations.Instances";
    compareShapes("DescribeInstances", m, s, [
      "Reservations.ReservationId",
      "Reservations.OwnerId",
      `${i}.InstanceId`,
      `${i}.InstanceType`,
      `${i}.ImageId`,
      `${i}.State.Name`,
      `${i}.State.Code`,
      `${i}.LaunchTime`,
      `${i}.Placement.AvailabilityZone`,
      `${i}.Placement.Tenancy`,
      `${i}.Platform`,
      `${i}.PrivateIpAddress`,
      `${i}.PrivateDnsName`,
      `${i}.VpcId`,
      `${i}.SubnetId`,
      `${i}.Architecture`,
      `${i}.StateTransitionReason`,
      `${i}.Tags.Key`,
      `${i}.Tags.Value`,
      `${i}.PlatformDetails`,
      `${i}.UsageOperation`,
      `${i}.CpuOptions.CoreCount`,
      `${i}.CpuOptions.ThreadsPerCore`,
    ]);
    const imageIds = (r: typeof m) => [...new Set(r.Reservations!.flatMap((x) => x.Instances!.map((y) => y.ImageId!)))];
    const mi = await new EC2Client(motoCfg(motoMember)).send(new DescribeImagesCommand({ ImageIds: imageIds(m) }));
    const si = await new EC2Client(t.cfg(simMember)).send(new DescribeImagesCommand({ ImageIds: imageIds(s) }));
    compareShapes("DescribeImages", mi, si, [
      "Images.ImageId",
      "Images.Name",
      "Images.OwnerId",
      "Images.State",
      "Images.Public",
      "Images.Architecture",
      "Images.ImageType",
      "Images.CreationDate",
      "Images.Platform",
      "Images.ImageOwnerAlias",
      "Images.PlatformDetails",
      "Images.UsageOperation",
    ]);
  });

  it("DescribeHosts and DescribeRegions", async () => {
    const m = await new EC2Client(motoCfg(motoMember)).send(new DescribeHostsCommand({}));
    // Compare with a single-type host: moto only allocates hosts for one instance type.
    const cell = t.spec.accounts
      .find((a) => a.id === TARGET)!
      .regions.find((r) => r.hosts?.some((h) => h.HostProperties.InstanceType && h.State === "available"))!;
    const s = await new EC2Client(t.cfg(simMember, cell.name)).send(
      new DescribeHostsCommand({
        Filter: [
          {
            Name: "instance-type",
            Values: [cell.hosts!.find((h) => h.HostProperties.InstanceType)!.HostProperties.InstanceType!],
          },
        ],
      }),
    );
    compareShapes("DescribeHosts", m, s, [
      "Hosts.HostId",
      "Hosts.State",
      "Hosts.AvailabilityZone",
      "Hosts.AllocationTime",
      "Hosts.AutoPlacement",
      "Hosts.HostRecovery",
      "Hosts.OwnerId",
      "Hosts.HostProperties.InstanceType",
      "Hosts.HostProperties.Cores",
      "Hosts.HostProperties.Sockets",
      "Hosts.HostProperties.TotalVCpus",
      "Hosts.AvailableCapacity.AvailableVCpus",
    ]);
    const mr = await new EC2Client(motoCfg(motoMember)).send(new DescribeRegionsCommand({ AllRegions: true }));
    const sr = await new EC2Client(t.cfg(simMember)).send(new DescribeRegionsCommand({ AllRegions: true }));
    compareShapes("DescribeRegions", mr, sr, ["Regions.RegionName", "Regions.Endpoint", "Regions.OptInStatus"]);
    // moto reports af-south-1 as opt-in-not-required; on AWS it is an opt-in region, as in the simulator's table.
  });

  it("DescribeDBInstances", async () => {
    const m = await new RDSClient(motoCfg(motoMember)).send(new DescribeDBInstancesCommand({}));
    const s = await new RDSClient(t.cfg(simMember)).send(new DescribeDBInstancesCommand({}));
    const d = "DBInstances";
    compareShapes("DescribeDBInstances", m, s, [
      `${d}.DBInstanceIdentifier`,
      `${d}.DBInstanceClass`,
      `${d}.Engine`,
      `${d}.EngineVersion`,
      `${d}.DBInstanceStatus`,
      `${d}.LicenseModel`,
      `${d}.MultiAZ`,
      `${d}.AvailabilityZone`,
      `${d}.AllocatedStorage`,
      `${d}.StorageType`,
      `${d}.InstanceCreateTime`,
      `${d}.DBInstanceArn`,
      `${d}.DbiResourceId`,
      `${d}.Endpoint.Address`,
      `${d}.Endpoint.Port`,
      `${d}.Endpoint.HostedZoneId`,
      `${d}.ReadReplicaDBInstanceIdentifiers`,
      `${d}.OptionGroupMemberships.OptionGroupName`,
      `${d}.TagList.Key`,
      `${d}.TagList.Value`,
    ]);
  });

  it("IAM policy reads", async () => {
    const run = async (iam: IAMClient) => {
      const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "cirrus-collector" }));
      const groups = await iam.send(new ListGroupsForUserCommand({ UserName: "cirrus-collector" }));
      const policy = await iam.send(new GetPolicyCommand({ PolicyArn: attached.AttachedPolicies![0].PolicyArn }));
      const version = await iam.send(
        new GetPolicyVersionCommand({ PolicyArn: policy.Policy!.Arn, VersionId: policy.Policy!.DefaultVersionId }),
      );
      return { attached, groups, policy, version };
    };
    const m = await run(new IAMClient(motoCfg(motoRoot)));
    const s = await run(new IAMClient(t.cfg(t.user("cirrus-collector"))));
    compareShapes("ListAttachedUserPolicies", m.attached, s.attached, [
      "AttachedPolicies.PolicyName",
      "AttachedPolicies.PolicyArn",
      "IsTruncated",
    ]);
    compareShapes("ListGroupsForUser", m.groups, s.groups, [
      "Groups.GroupName",
      "Groups.GroupId",
      "Groups.Arn",
      "Groups.CreateDate",
    ]);
    compareShapes("GetPolicy", m.policy, s.policy, [
      "Policy.PolicyName",
      "Policy.Arn",
      "Policy.DefaultVersionId",
      "Policy.AttachmentCount",
      "Policy.CreateDate",
      "Policy.IsAttachable",
    ]);
    compareShapes("GetPolicyVersion", m.version, s.version, [
      "PolicyVersion.Document",
      "PolicyVersion.VersionId",
      "PolicyVersion.IsDefaultVersion",
    ]);
    // AWS URL-encodes the document (the simulator too); moto returns raw JSON. Decoding works for both.
    expect(s.version.PolicyVersion!.Document!.startsWith("%7B")).toBe(true);
    for (const doc of [m.version.PolicyVersion!.Document!, s.version.PolicyVersion!.Document!])
      expect(JSON.parse(decodeURIComponent(doc)).Statement.length).toBeGreaterThan(0);
  });

  it("Organizations ListAccounts", async () => {
    const m = await new OrganizationsClient(motoCfg(motoRoot)).send(new ListAccountsCommand({}));
    const s = await new OrganizationsClient(t.cfg(t.user("cirrus-collector"))).send(new ListAccountsCommand({}));
    compareShapes("ListAccounts", m, s, [
      "Accounts.Id",
      "Accounts.Arn",
      "Accounts.Email",
      "Accounts.Name",
      "Accounts.Status",
      "Accounts.State",
      "Accounts.JoinedMethod",
      "Accounts.JoinedTimestamp",
    ]);
  });
});
