// Audit action name for exports (alongside lib/audit/actions.ts's AUDIT names).
export const EXPORT_AUDIT = {
  exported: "inventory.exported",
} as const;
