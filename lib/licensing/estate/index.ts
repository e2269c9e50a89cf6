// lib/licensing/estate: the stored inventory turned into requirement lines and their sums, shared
// by the read side (the licence position, computed on read) and the write side (the licence
// figures of each run snapshot), so both count the same way. loadEstate reads the database; the
// rest is pure. Kept out of lib/licensing's index, which stays free of I/O.
export { loadEstate, loadEstateInParts } from "./load-estate";
export { buildLines } from "./build-lines";
export { aggregateLines, groupKey, BASES } from "./aggregate";
export { softwareStatus, type NodeFacts, type SoftwareStatus } from "./software-status";
export {
  cellKey,
  qualifiedId,
  type StoredDatabase,
  type StoredEstate,
  type StoredHost,
  type StoredInstance,
  type StoredNode,
  type StoredSoftware,
} from "./stored-rows";
export {
  mergeSnapshotLicence,
  parseSnapshotLicence,
  snapshotLicence,
  type SnapshotLicence,
  type SnapshotLicenceGroup,
} from "./snapshot-licence";
export type * from "./types";
