import { DescribeHostsCommand, DescribeImagesCommand, DescribeInstancesCommand, DescribeInstanceTypesCommand, DescribeReservedInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import type { AwsSession } from "../../aws/session";

type Where = { accountId: string; region: string };
type Call = (session: AwsSession, where: Where, abortSignal: AbortSignal) => Promise<number>;

// One cheap call per inventory API: the smallest page each API accepts, enough to prove the
// permission without reading the inventory. Each returns how many items the page held.
const CALLS: Record<string, Call> = {
  "ec2:DescribeInstances": async (s, w, abortSignal) => {
    // MaxResults also moves the call to the larger (paginated) throttling bucket.
    const out = await s.client(EC2Client, w).send(new DescribeInstancesCommand({ MaxResults: 5 }), { abortSignal });
    return (out.Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
  },
  "ec2:DescribeHosts": async (s, w, abortSignal) => (await s.client(EC2Client, w).send(new DescribeHostsCommand({ MaxResults: 5 }), { abortSignal })).Hosts?.length ?? 0,
  // Not paginated: the whole list comes back; an account holds few reservations.
  "ec2:DescribeReservedInstances": async (s, w, abortSignal) => (await s.client(EC2Client, w).send(new DescribeReservedInstancesCommand({}), { abortSignal })).ReservedInstances?.length ?? 0,
  "ec2:DescribeImages": async (s, w, abortSignal) => (await s.client(EC2Client, w).send(new DescribeImagesCommand({ Owners: ["self"], MaxResults: 5 }), { abortSignal })).Images?.length ?? 0,
  "ec2:DescribeInstanceTypes": async (s, w, abortSignal) => (await s.client(EC2Client, w).send(new DescribeInstanceTypesCommand({ MaxResults: 5 }), { abortSignal })).InstanceTypes?.length ?? 0,
  // 20 is the smallest MaxRecords RDS accepts.
  "rds:DescribeDBInstances": async (s, w, abortSignal) => (await s.client(RDSClient, w).send(new DescribeDBInstancesCommand({ MaxRecords: 20 }), { abortSignal })).DBInstances?.length ?? 0,
};

export function inventoryCall(action: string): Call {
  const call = CALLS[action];
  if (!call) throw new Error(`No Test Connection call for ${action}`);
  return call;
}
