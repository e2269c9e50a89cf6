export { recordAuditEvent, type AuditActor, type AuditEventInput } from "./record-audit-event";
export { listAuditEvents, listAuditFacets, AUDIT_PAGE_SIZE, type AuditEventRow } from "./list-audit-events";
export { exportAuditEvents, AUDIT_CSV_HEADER } from "./export-audit-events";
export { parseAuditFilter, auditFilterQuery, isFiltered, type AuditFilter } from "./audit-filter";
export { AUDIT } from "./actions";
