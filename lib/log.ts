import crypto from "node:crypto";

// Logs an unexpected error with a short reference the user can quote. Messages from AWS and
// Prisma never carry our secrets (they are never put into requests' visible parts).
export function logUnexpected(error: unknown): string {
  const reference = crypto.randomBytes(4).toString("hex");
  console.error(`[cirrus] error ${reference}:`, error instanceof Error ? (error.stack ?? error.message) : error);
  return reference;
}
