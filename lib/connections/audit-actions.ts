export const AUDIT_CONNECTION = {
  created: "connection.created",
  updated: "connection.updated",
  deleted: "connection.deleted",
  historyPurged: "connection.history_purged",
  tested: "connection.tested",
  scheduleChanged: "connection.schedule_changed",
  imported: "connection.imported",
  keysRotated: "crypto.keys_rotated",
} as const;
