import { SSM_PROBES } from "../collect/ssm-probes";
import type { ProbeCalls } from "../probe-call";

export const installedSoftwareProbe: ProbeCalls = SSM_PROBES;
