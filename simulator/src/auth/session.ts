// Who is calling: the identity behind an access key, long-term or temporary.
import type { RoleSpec, UserSpec } from "../world/types";

export type SessionSource = "long-term" | "session-token" | "assume-role" | "instance-profile";

export interface Session {
  accountId: string;
  /** The caller ARN GetCallerIdentity reports (user ARN or assumed-role ARN). */
  arn: string;
  userId: string;
  user?: UserSpec;
  role?: RoleSpec;
  /** IAM ARN of the role behind an assumed-role session (what trust policies name). */
  roleArn?: string;
  sessionName?: string;
  /** aws:MultiFactorAuthPresent; undefined for long-term keys, where the key is absent. */
  mfa?: boolean;
  source: SessionSource;
  expiresAt?: number;
}

export const isTemporary = (s: Session) => s.source !== "long-term";
export const isRoleSession = (s: Session) => s.role !== undefined;
