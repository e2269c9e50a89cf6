export { getCurrentUser, type CurrentUser } from "./current-user";
export { requireUser, requireAdmin, authorizeAction, requestIp, auditDenied } from "./guards";
export { authorizeRequest } from "./route-guard";
export { getAuthOptions } from "./options";
export { ROLES, canAdminister, hasRole, type Role } from "./roles";
export { passwordSchema, isCommonPassword } from "./password-policy";
export { hashPassword, verifyPassword } from "./password-hash";
export { checkSignInRateLimit, rateLimitMessage } from "./sign-in-rate-limit";
export { rejectRateLimitedSignIn } from "./sign-in-guard";
