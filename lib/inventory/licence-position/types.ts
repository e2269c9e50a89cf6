import type { PositionGroup, SoftwareUnknownRow } from "@/lib/licensing/estate";

// The licence position as pages, the API and exports read it: plain, serializable rows. The row
// and figure types live with the shared estate builder (lib/licensing/estate), which the run
// snapshots use too; they are re-exported here so pages and components import from one place.
export type {
  BasisFigures,
  Figure,
  LicenceLineRow,
  PositionGroup,
  SoftwareUnknownReason,
  SoftwareUnknownRow,
} from "@/lib/licensing/estate";

export type LicencePosition = {
  generatedAt: string;
  softwareStaleDays: number;
  groups: PositionGroup[];
  softwareUnknown: SoftwareUnknownRow[];
};
