import { DescribeInstanceInformationCommand, GetInventoryCommand, SSMClient } from "@aws-sdk/client-ssm";
import type { ProbeCalls } from "../probe-call";

// Test Connection's SSM calls, shared by the two SSM types: the smallest page each API accepts.
export const SSM_PROBES = {
  "ssm:DescribeInstanceInformation": async (s, w, abortSignal) =>
    (await s.client(SSMClient, w).send(new DescribeInstanceInformationCommand({ MaxResults: 5 }), { abortSignal }))
      .InstanceInformationList?.length ?? 0,
  "ssm:GetInventory": async (s, w, abortSignal) =>
    (
      await s
        .client(SSMClient, w)
        .send(new GetInventoryCommand({ MaxResults: 1, ResultAttributes: [{ TypeName: "AWS:Application" }] }), {
          abortSignal,
        })
    ).Entities?.length ?? 0,
} satisfies ProbeCalls;
