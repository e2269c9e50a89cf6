import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import type { ProbeCalls } from "../probe-call";

export const ec2InstanceProbe: ProbeCalls = {
  "ec2:DescribeInstances": async (s, w, abortSignal) => {
    // MaxResults also moves the call to the larger (paginated) throttling bucket.
    const out = await s.client(EC2Client, w).send(new DescribeInstancesCommand({ MaxResults: 5 }), { abortSignal });
    return (out.Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
  },
  "ec2:DescribeImages": async (s, w, abortSignal) =>
    (await s.client(EC2Client, w).send(new DescribeImagesCommand({ Owners: ["self"], MaxResults: 5 }), { abortSignal }))
      .Images?.length ?? 0,
  "ec2:DescribeInstanceTypes": async (s, w, abortSignal) =>
    (await s.client(EC2Client, w).send(new DescribeInstanceTypesCommand({ MaxResults: 5 }), { abortSignal }))
      .InstanceTypes?.length ?? 0,
};
