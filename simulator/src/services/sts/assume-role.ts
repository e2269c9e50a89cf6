// STS AssumeRole: trust policy (principal, sts:ExternalId, aws:MultiFactorAuthPresent), the
// caller's identity policy, DurationSeconds limits incl. the 1-hour cap on role chaining.
import { decide, requestContext } from "../../auth/authorize";
import type { Session } from "../../auth/session";
import { evaluateTrust } from "../../auth/trust";
import { ApiError } from "../../protocols/errors";
import { leaf, node } from "../../protocols/xml";
import type { CallContext } from "../context";
import { required } from "../iam/common";
import { checkMfa, durationParam, validationError } from "./validation";
import { credentialsXml } from "./xml";

const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function assumeRole(ctx: CallContext): string {
  const caller = ctx.session;
  const roleArn = required(ctx.params, "RoleArn");
  const sessionName = required(ctx.params, "RoleSessionName");
  if (!SESSION_NAME.test(sessionName))
    throw validationError(
      "roleSessionName",
      sessionName,
      "Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  const externalId = ctx.params.get("ExternalId");
  if (externalId !== undefined && !EXTERNAL_ID.test(externalId))
    throw validationError("externalId", externalId, "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
  const duration = durationParam(ctx, 900, 43200, 3600);
  const chained = caller.role !== undefined;
  if (chained && duration > 3600) {
    throw new ApiError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      400,
    );
  }
  const mfa = checkMfa(ctx, caller) || caller.mfa === true;

  const denied = new ApiError(
    "AccessDenied",
    `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );
  const role = ctx.world.role(roleArn);
  // A missing role, a trust refusal, a wrong external ID and missing MFA all look alike to the
  // caller: AWS does not reveal which check failed.
  if (!role) throw denied;
  const condition = requestContext(caller, ctx.region, ctx.clock.now(), {
    "sts:ExternalId": externalId,
    "aws:MultiFactorAuthPresent": mfa ? "true" : caller.mfa === undefined ? undefined : "false",
  });
  const trust = evaluateTrust(role, caller, condition, ctx.world.arnPrefix);
  if (!trust.allowed) throw denied;
  const sameAccountExact = trust.byExactPrincipal && role.account === caller.accountId;
  if (!sameAccountExact && decide(ctx.world, caller, "sts:AssumeRole", roleArn, condition) !== "allow") throw denied;
  if (duration > role.maxSessionDuration)
    throw new ApiError(
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      400,
    );

  const session: Omit<Session, "expiresAt"> = {
    accountId: role.account,
    arn: `${ctx.world.arnPrefix}sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    userId: `${role.roleId}:${sessionName}`,
    role,
    roleArn,
    sessionName,
    mfa,
    source: "assume-role",
  };
  const creds = ctx.credentials.issue(session, duration);
  const packed =
    ctx.params.has("Policy") || [...ctx.params.keys()].some((k) => k.startsWith("PolicyArns."))
      ? leaf("PackedPolicySize", 6)
      : "";
  return (
    credentialsXml(creds) +
    node("AssumedRoleUser", leaf("AssumedRoleId", session.userId), leaf("Arn", session.arn)) +
    packed +
    leaf("SourceIdentity", ctx.params.get("SourceIdentity"))
  );
}
