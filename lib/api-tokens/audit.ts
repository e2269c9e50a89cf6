// Audit action names for API tokens (alongside lib/audit/actions.ts's AUDIT names).
export const TOKEN_AUDIT = {
  created: "token.created",
  revoked: "token.revoked",
} as const;
