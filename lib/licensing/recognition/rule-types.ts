import type { ProductId } from "../products";

/**
 * One recognition rule: every pattern given must match its fact field (regular expressions,
 * case-insensitive, unanchored unless the pattern anchors itself). A rule with edition null names
 * the product only; an edition found by another rule on the same node takes its evidence along.
 */
export type RecognitionRule = {
  id: string;
  product: ProductId;
  edition: string | null;
  /** Editions the vendor gives away (SQL Server Developer / Express, Oracle XE): no licence needed. */
  free: boolean;
} & (
  | { source: "AWS:Application"; match: Partial<Record<"name" | "publisher" | "version", string>> }
  | { source: "AWS:WindowsRegistry"; match: Partial<Record<"keyPath" | "valueName" | "value", string>> }
  | { source: "AWS:InstanceInformation"; match: { platformName: string } }
);
