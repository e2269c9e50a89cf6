import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// NIST 800-63B / OWASP ASVS: length matters, composition rules do not; refuse passwords from
// breach corpora. 128 characters is plenty above the "64 or more" the standard asks.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));
  return common.has(password.toLowerCase());
}

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((password) => !isCommonPassword(password), "This password is too common; choose another");
