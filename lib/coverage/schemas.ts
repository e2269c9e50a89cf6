import { z } from "zod";
import { REGIONS } from "../aws/partitions";
import { RESOURCE_TYPES } from "../resources/rows";
import { ACCOUNT_ID } from "../connections/field-rules";
import { safeText } from "../text-rules";

const ALL_REGIONS = new Set(Object.values(REGIONS).flat());

// One account x region x resource type of one connection, as the Coverage page sends it.
export const scopeRefSchema = z
  .object({
    connectionId: z.string().trim().min(1, "Choose a connection").max(64, "Unknown connection"),
    accountId: z.string().trim().regex(ACCOUNT_ID, "Account: 12 digits"),
    region: z
      .string()
      .trim()
      .max(32)
      .refine((region) => ALL_REGIONS.has(region), "Region: not an AWS region"),
    resourceType: z.enum(RESOURCE_TYPES, "Unknown resource type"),
  })
  .strict();

// Shown to everyone who reads the figures (banners, API, exports): one line, 3-500 characters.
export const excludeScopeSchema = scopeRefSchema
  .extend({
    reason: safeText(500, "Reason").refine((reason) => reason.length >= 3, "Reason: use at least 3 characters"),
  })
  .strict();

export type ScopeRef = z.infer<typeof scopeRefSchema>;
export type ExcludeScopeInput = z.infer<typeof excludeScopeSchema>;
