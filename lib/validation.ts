import type { z } from "zod";
import { ValidationError, type FieldErrors } from "./errors";

// Parses input with a shared zod schema; bad input becomes a ValidationError with one list of
// messages per field, which forms show beside the fields.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new ValidationError("Please correct the highlighted fields", fieldErrors);
}
