import { z } from "zod";

// Characters that make one-line text read differently from what it is: C0 controls (NUL, tab,
// line breaks, escape...), DEL, C1 controls, and the Unicode bidi controls (LRM/RLM, ALM,
// embeddings and overrides U+202A-202E, isolates U+2066-2069). A name holding U+202E shows
// "prod-gpj.exe" as "prod-exe.jpg"; a NUL ends the text early in logs and exports. Text typed by
// an admin (names, usernames, schedules) has no use for them, so they are refused at input.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

// Secrets may hold any printable character (passwords), but never a control character.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

export function hasUnsafeChars(text: string): boolean {
  return UNSAFE.test(text);
}

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

// "Name: use at most 100 characters", or "Use at most 100 characters" without a label.
function say(label: string | undefined, text: string): string {
  return label ? `${label}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}

/** One-line text of at most `max` characters (after trimming) without control or bidi characters. */
export function safeText(max: number, label?: string) {
  return z
    .string()
    .trim()
    .max(max, say(label, `use at most ${max} characters`))
    .refine(
      (value) => !hasUnsafeChars(value),
      say(label, "remove control or text-direction characters (such as NUL or U+202E)"),
    );
}
