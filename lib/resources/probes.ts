import { dedicatedHostProbe } from "./dedicated-host/probe";
import { ec2InstanceProbe } from "./ec2-instance/probe";
import { installedSoftwareProbe } from "./installed-software/probe";
import { managedNodeProbe } from "./managed-node/probe";
import type { ProbeCall, ProbeCalls } from "./probe-call";
import { rdsDbInstanceProbe } from "./rds-db-instance/probe";
import { reservedInstanceProbe } from "./reserved-instance/probe";
import type { ResourceType } from "./rows";

// Test Connection's calls, per type: one for its read action and one per helper. Kept apart
// from registry.ts because it loads the AWS SDK: only lib/connections/probe imports it.
export const PROBES: { [T in ResourceType]: ProbeCalls } = {
  "ec2-instance": ec2InstanceProbe,
  "dedicated-host": dedicatedHostProbe,
  "reserved-instance": reservedInstanceProbe,
  "rds-db-instance": rdsDbInstanceProbe,
  "managed-node": managedNodeProbe,
  "installed-software": installedSoftwareProbe,
};

// A helper two types share would have one call: the first type's.
const BY_ACTION = new Map<string, ProbeCall>(
  Object.values(PROBES)
    .flatMap((calls) => Object.entries(calls))
    .reverse(),
);

/** The call proving one IAM action, whichever type's collection makes it. */
export function probeCall(action: string): ProbeCall | undefined {
  return BY_ACTION.get(action);
}
