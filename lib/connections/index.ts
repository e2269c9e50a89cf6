import "server-only";

export { createConnection, updateConnection, deleteConnection } from "./save-connection";
export {
  listConnections,
  getConnectionDetail,
  connectionStatus,
  type ConnectionSummary,
  type ConnectionDetail,
  type ScheduleState,
} from "./read-connections";
export { testConnection, type TestRequest } from "./test-connection";
export { recordConnectionTest } from "./record-test";
export { loadConnectionSettings, loadConnectionRecord, storeMfaSession } from "./load-settings";
export { setConnectionEnabled } from "./set-enabled";
export { connectionInputSchema, type ConnectionInput, type StoredConfig } from "./schemas";
export { generateExternalId } from "./external-id";
export { AUDIT_CONNECTION } from "./audit-actions";
export { generateConnectionPolicies } from "./connection-policies";
export { purgeConnectionHistory } from "./purge-history";
