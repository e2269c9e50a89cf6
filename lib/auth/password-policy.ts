import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// NIST 800-63B / OWASP ASVS: length matters, composition rules do not; refuse passwords an
// attacker would try early. 128 characters is plenty above the "64 or more" the standard asks.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
// zxcvbn score 2 = at least ~10^6 estimated guesses. It refuses repeats ("aaaaaaaa", 8 spaces),
// sequences, keyboard walks and (near-)common passwords, yet still accepts any random
// 8-character password (zxcvbn rates those ~10^8): a higher bar would act as a hidden
// composition rule. Sign-in is rate-limited and hashes are Argon2id, so online and offline
// guessing both stay slow.
export const PASSWORD_MIN_SCORE = 2;

let estimator: ZxcvbnFactory | undefined;

function estimate(password: string): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password);
}

export function isCommonPassword(password: string): boolean {
  return ["common", "topTen", "topHundred", "similarToCommon"].includes(estimate(password).feedback.warning ?? "");
}

// Why a password is refused, in the user's words, or null when it is strong enough.
export function passwordWeakness(password: string): string | null {
  if (password.trim() === "") return "A password cannot be only spaces";
  const result = estimate(password);
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  switch (result.feedback.warning) {
    case "common":
    case "topTen":
    case "topHundred":
    case "similarToCommon":
      return "This password is too common; choose another";
    case "simpleRepeat":
    case "extendedRepeat":
      return "This password is mostly repeated characters; choose another";
    case "sequences":
      return "This password is a predictable sequence (like abcd or 1234); choose another";
    case "straightRow":
    case "keyPattern":
      return "This password is a keyboard pattern; choose another";
    case "dates":
    case "recentYears":
      return "This password is mostly a date or year; choose another";
    default:
      return "This password is too easy to guess; a few unrelated words make a strong one";
  }
}

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .superRefine((password, context) => {
    // Only once the length is right: the estimate of a 100 kB string would be slow.
    if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return;
    const weakness = passwordWeakness(password);
    if (weakness) context.addIssue({ code: "custom", message: weakness });
  });
