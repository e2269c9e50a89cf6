import { DescribeHostsCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { ProbeCalls } from "../probe-call";

export const dedicatedHostProbe: ProbeCalls = {
  "ec2:DescribeHosts": async (s, w, abortSignal) =>
    (await s.client(EC2Client, w).send(new DescribeHostsCommand({ MaxResults: 5 }), { abortSignal })).Hosts?.length ??
    0,
};
