// The naive baseline: the same AWS SDK v3 clients and the same API calls as the collector
// (Organizations discovery, AssumeRole per member, DescribeRegions, then per region instances
// with their AMIs, hosts, reserved instances and RDS, and the account alias), but strictly one
// call at a time, nothing stored. Run on a small sample world; the caller extrapolates by
// request count.
import {
  DescribeHostsCommand,
  DescribeImagesCommand,
  DescribeRegionsCommand,
  DescribeReservedInstancesCommand,
  EC2Client,
  paginateDescribeInstances,
} from "@aws-sdk/client-ec2";
import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { ListRootsCommand, OrganizationsClient, paginateListAccounts } from "@aws-sdk/client-organizations";
import { paginateDescribeDBInstances, RDSClient } from "@aws-sdk/client-rds";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@smithy/types";

const HOME = "us-east-1";

export async function naiveCollect(
  endpoint: string,
  base: AwsCredentialIdentity,
  memberRole: string,
  externalId: string,
): Promise<{ instances: number }> {
  const config = (region: string, credentials: AwsCredentialIdentity) => ({
    endpoint,
    region,
    credentials,
    maxAttempts: 6,
  });
  const caller = await new STSClient(config(HOME, base)).send(new GetCallerIdentityCommand({}));
  const org = new OrganizationsClient(config(HOME, base));
  await org.send(new ListRootsCommand({}));
  const accountIds: string[] = [];
  for await (const page of paginateListAccounts({ client: org }, {}))
    accountIds.push(...(page.Accounts ?? []).flatMap((a) => (a.Id ? [a.Id] : [])));

  let instances = 0;
  for (const accountId of accountIds) {
    let credentials = base;
    if (accountId !== caller.Account) {
      const out = await new STSClient(config(HOME, base)).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${accountId}:role/${memberRole}`,
          RoleSessionName: "bench-naive",
          ExternalId: externalId,
        }),
      );
      const c = out.Credentials!;
      credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken };
    }
    const regions = await new EC2Client(config(HOME, credentials)).send(
      new DescribeRegionsCommand({ AllRegions: true }),
    );
    const enabled = (regions.Regions ?? []).filter((r) => r.OptInStatus !== "not-opted-in").map((r) => r.RegionName!);
    for (const region of enabled) {
      const ec2 = new EC2Client(config(region, credentials));
      const known = new Set<string>();
      for await (const page of paginateDescribeInstances({ client: ec2 }, { MaxResults: 1000 })) {
        const listed = (page.Reservations ?? []).flatMap((r) => r.Instances ?? []);
        instances += listed.length;
        const missing = [...new Set(listed.flatMap((i) => (i.ImageId && !known.has(i.ImageId) ? [i.ImageId] : [])))];
        for (let i = 0; i < missing.length; i += 200) {
          const batch = missing.slice(i, i + 200);
          await ec2.send(new DescribeImagesCommand({ ImageIds: batch }));
          batch.forEach((id) => known.add(id));
        }
      }
      let token: string | undefined;
      do token = (await ec2.send(new DescribeHostsCommand({ MaxResults: 500, NextToken: token }))).NextToken;
      while (token);
      await ec2.send(new DescribeReservedInstancesCommand({}));
      for await (const page of paginateDescribeDBInstances(
        { client: new RDSClient(config(region, credentials)) },
        { MaxRecords: 100 },
      ))
        void page;
    }
    await new IAMClient(config(HOME, credentials)).send(new ListAccountAliasesCommand({}));
  }
  return { instances };
}
