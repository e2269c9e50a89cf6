import type { AwsSession } from "../../aws/session";
import type { AwsConnectionSettings } from "../../aws/settings";
import type { CheckLog } from "./check-log";

export type ProbeContext = {
  settings: AwsConnectionSettings;
  session: AwsSession;
  log: CheckLog;
  signal: AbortSignal;
  regionConcurrency: number;
};
