import { DescribeReservedInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { ProbeCalls } from "../probe-call";

export const reservedInstanceProbe: ProbeCalls = {
  // Not paginated: the whole list comes back; an account holds few reservations.
  "ec2:DescribeReservedInstances": async (s, w, abortSignal) =>
    (await s.client(EC2Client, w).send(new DescribeReservedInstancesCommand({}), { abortSignal })).ReservedInstances
      ?.length ?? 0,
};
