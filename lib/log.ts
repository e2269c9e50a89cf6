import crypto from "node:crypto";

// Logs an unexpected error with a short reference the user can quote. Messages from AWS and
// Prisma never carry our secrets (they are never put into requests' visible parts).
export function logUnexpected(error: unknown): string {
  const reference = crypto.randomBytes(4).toString("hex");
  console.error(`[cirrus] error ${reference}:`, error instanceof Error ? (error.stack ?? error.message) : error);
  return reference;
}

// One structured line for events an operator may look for (e.g. a refused write).
export function log(level: "info" | "warn", event: string, fields: Record<string, unknown> = {}): void {
  const line = `[cirrus] ${level} ${event} ${JSON.stringify(fields)}`;
  if (level === "warn") console.warn(line);
  else console.log(line);
}
