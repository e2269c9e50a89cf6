import "server-only";

export { createApiToken } from "./create-api-token";
export { listApiTokens, type ApiTokenRow, type ApiTokenStatus } from "./list-api-tokens";
export { revokeApiToken } from "./revoke-api-token";
export { authenticateApiToken, type ApiTokenIdentity } from "./authenticate-api-token";
export { TOKEN_AUDIT } from "./audit";
export * from "./schemas";
