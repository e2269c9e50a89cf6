export { runConnectionTest } from "./run-connection-test";
export type {
  CheckEvent,
  CheckStatus,
  CheckStep,
  ConnectionTestOptions,
  ConnectionTestOutcome,
  ConnectionTestReport,
} from "./types";
