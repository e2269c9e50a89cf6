export { recordAuditEvent, type AuditActor, type AuditEventInput } from "./record-audit-event";
export { listAuditEvents, AUDIT_PAGE_SIZE, type AuditEventRow } from "./list-audit-events";
export { AUDIT } from "./actions";
