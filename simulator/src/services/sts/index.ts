// STS (awsQuery): GetCallerIdentity, AssumeRole, GetSessionToken. GetSessionToken credentials
// may call only AssumeRole and GetCallerIdentity here: the other actions reject them.
import { ApiError } from "../../protocols/errors";
import { leaf } from "../../protocols/xml";
import type { CallContext, ServiceModule } from "../context";
import { assumeRole } from "./assume-role";
import { checkMfa, durationParam } from "./validation";
import { credentialsXml } from "./xml";

function getCallerIdentity(ctx: CallContext): string {
  // Always allowed: no policy can deny GetCallerIdentity.
  const s = ctx.session;
  return leaf("Arn", s.arn) + leaf("UserId", s.userId) + leaf("Account", s.accountId);
}

function getSessionToken(ctx: CallContext): string {
  const s = ctx.session;
  if (s.source !== "long-term" || !s.user)
    throw new ApiError("AccessDenied", "Cannot call GetSessionToken with session credentials", 403);
  const duration = durationParam(ctx, 900, 129600, 43200);
  const mfa = checkMfa(ctx, s);
  const creds = ctx.credentials.issue(
    { accountId: s.accountId, arn: s.arn, userId: s.userId, user: s.user, mfa, source: "session-token" },
    duration,
  );
  return credentialsXml(creds);
}

export const sts: ServiceModule = {
  actions: {
    GetCallerIdentity: getCallerIdentity,
    AssumeRole: assumeRole,
    GetSessionToken: getSessionToken,
  },
};
