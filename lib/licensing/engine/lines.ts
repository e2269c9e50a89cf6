import { PRODUCT_NAMES, type ProductId } from "../products";
import type { Match } from "../recognition";
import type { RequirementLine, ResourceRef } from "./types";

type LineFields = Omit<RequirementLine, "resource" | "product" | "productName" | "edition" | "evidence" | "flags"> & {
  evidence?: string[];
  flags?: string[];
};

/** A requirement line with its product's display name and empty evidence and flags filled in. */
export function line(
  resource: ResourceRef,
  product: ProductId,
  edition: string | null,
  fields: LineFields,
): RequirementLine {
  return {
    resource,
    product,
    productName: PRODUCT_NAMES[product],
    edition,
    ...fields,
    evidence: fields.evidence ?? [],
    flags: fields.flags ?? [],
  };
}

export const evidenceOf = (...matches: (Match | undefined)[]): string[] =>
  matches.flatMap((m) => m?.evidence.map((e) => e.text) ?? []);

/** "Oracle Database Enterprise Edition", "Microsoft SQL Server (edition not recognised)". */
export const named = (product: ProductId, edition: string | null) =>
  `${PRODUCT_NAMES[product]} ${edition ?? "(edition not recognised)"}`;

export const VCPUS_UNKNOWN = "vCPUs not known: no figure until the instance's CPU options or type are collected.";
