import type { AwsSession } from "../aws/session";

// Test Connection's proof that a permission works: one cheap call (the smallest page the API
// accepts) in one account and region, returning how many items that page held.
export type ProbeCall = (
  session: AwsSession,
  where: { accountId: string; region: string },
  abortSignal: AbortSignal,
) => Promise<number>;

/** One call per IAM action a type's collection makes: its read and each helper. */
export type ProbeCalls = Readonly<Record<string, ProbeCall>>;
