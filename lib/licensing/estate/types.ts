import type { Basis, Metric, ProductId, RequirementLine, ResourceRef } from "..";

// The estate's requirement lines and their sums as plain, serializable rows: what the read side
// shows (pages, API, exports) and what the write side keeps in each run snapshot.

/** One requirement line of lib/licensing, with where its resource lives. */
export type LicenceLineRow = Omit<RequirementLine, "resource"> & {
  resourceKind: ResourceRef["kind"];
  resourceId: string;
  resourceName: string | null;
  accountId: string;
  accountAlias: string | null;
  region: string;
  state: string | null;
};

/** Why Cirrus cannot say what software an instance runs. */
export type SoftwareUnknownReason = "software-not-read" | "not-managed" | "agent-not-online" | "inventory-outdated";

/** An instance whose software is unknown: counted apart from every figure, never as "none". */
export type SoftwareUnknownRow = {
  instanceId: string;
  name: string | null;
  accountId: string;
  accountAlias: string | null;
  region: string;
  state: string | null;
  instanceType: string | null;
  vcpus: number | null;
  reason: SoftwareUnknownReason;
  /** The reason in a sentence, with the dates it rests on. */
  detail: string;
  /** Products the last inventory showed (from before it went out of date), for the analyst to weigh. */
  lastKnownProducts: string[];
};

/** A sum of line quantities that says how many lines had no figure instead of counting them as 0. */
export type Figure = { quantity: number; lines: number; missing: number };

export type BasisFigures = Record<Basis, Figure>;

/** One product + edition + metric: what the rules require, by basis and by account. */
export type PositionGroup = {
  product: ProductId;
  productName: string;
  edition: string | null;
  metric: Metric;
  total: Figure;
  byBasis: BasisFigures;
  byAccount: { accountId: string; accountAlias: string | null; total: Figure; byBasis: BasisFigures }[];
};
