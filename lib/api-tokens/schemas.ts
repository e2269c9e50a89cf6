import { z } from "zod";
import { ROLES } from "../auth/roles";

// Token lifetimes offered at creation, in days; "never" is a deliberate choice, not the default.
export const TOKEN_EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;
export type TokenExpiryChoice = (typeof TOKEN_EXPIRY_CHOICES)[number];
export const DEFAULT_TOKEN_EXPIRY: TokenExpiryChoice = "90";

// Shared by the create form, the server action and the CLI.
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
  role: z.enum(ROLES, "Choose admin or viewer"),
  expiresIn: z.enum(TOKEN_EXPIRY_CHOICES, "Choose 30, 90 or 365 days, or never").default(DEFAULT_TOKEN_EXPIRY),
});

export const revokeApiTokenSchema = z.object({ id: z.string().trim().min(1) });

// The input side: callers may leave expiresIn out and get the default.
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export function tokenExpiresAt(choice: TokenExpiryChoice, now = new Date()): Date | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * 24 * 60 * 60 * 1000);
}
