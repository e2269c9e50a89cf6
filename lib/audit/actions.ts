// Audit action names, in one place so the log page and tests agree on them.
export const AUDIT = {
  signIn: "auth.sign_in",
  signInFailed: "auth.sign_in_failed",
  signInRateLimited: "auth.sign_in_rate_limited",
  signOut: "auth.sign_out",
  setupCompleted: "auth.setup_completed",
  authorizationFailed: "auth.authorization_failed",
  userCreated: "user.created",
  userRoleChanged: "user.role_changed",
  userDisabled: "user.disabled",
  userEnabled: "user.enabled",
  userPasswordReset: "user.password_reset",
  // An admin took an account x region x resource type out of a connection's collection, or back in.
  coverageScopeExcluded: "coverage.scope_excluded",
  coverageScopeIncluded: "coverage.scope_included",
  // A collection run was started from the web (manual), and a run closed (any trigger; written
  // once per run by whichever process closed it).
  runStarted: "run.started",
  runFinished: "run.finished",
  runCancelled: "run.cancelled",
  // An admin downloaded the audit log (or a filtered part of it) as CSV.
  auditLogExported: "audit.exported",
} as const;
