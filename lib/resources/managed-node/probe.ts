import { SSM_PROBES } from "../collect/ssm-probes";
import type { ProbeCalls } from "../probe-call";

export const managedNodeProbe: ProbeCalls = SSM_PROBES;
