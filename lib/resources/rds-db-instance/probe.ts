import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import type { ProbeCalls } from "../probe-call";

export const rdsDbInstanceProbe: ProbeCalls = {
  // 20 is the smallest MaxRecords RDS accepts.
  "rds:DescribeDBInstances": async (s, w, abortSignal) =>
    (await s.client(RDSClient, w).send(new DescribeDBInstancesCommand({ MaxRecords: 20 }), { abortSignal })).DBInstances
      ?.length ?? 0,
};
