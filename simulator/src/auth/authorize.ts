// Identity-based authorization of a call, and the denial each protocol answers with.
import { ApiError } from "../protocols/errors";
import type { ServiceInfo } from "../protocols/service-info";
import type { PolicyDocument } from "../world/types";
import type { World } from "../world/world";
import { type ConditionContext, type Decision, evaluate } from "./policy";
import type { Session } from "./session";

/** All identity policies of the caller: user + its groups, or the role. */
export function identityPolicies(world: World, s: Session): PolicyDocument[] {
  const docs: PolicyDocument[] = [];
  const addManaged = (arns: string[]) => {
    for (const arn of arns) {
      const p = world.policy(arn);
      const v = p?.versions.find((x) => x.versionId === p.defaultVersionId);
      if (v) docs.push(v.document);
    }
  };
  if (s.role) {
    addManaged(s.role.attachedPolicies);
    docs.push(...s.role.inlinePolicies.map((p) => p.document));
  } else if (s.user) {
    addManaged(s.user.attachedPolicies);
    docs.push(...s.user.inlinePolicies.map((p) => p.document));
    for (const name of s.user.groups) {
      const g = world.group(s.user.account, name);
      if (!g) continue;
      addManaged(g.attachedPolicies);
      docs.push(...g.inlinePolicies.map((p) => p.document));
    }
  }
  return docs;
}

export function requestContext(
  s: Session,
  region: string,
  now: number,
  extra: ConditionContext = {},
): ConditionContext {
  return {
    "aws:RequestedRegion": region,
    "aws:MultiFactorAuthPresent": s.mfa === undefined ? undefined : String(s.mfa),
    "aws:PrincipalAccount": s.accountId,
    "aws:PrincipalArn": s.roleArn ?? s.arn,
    "aws:PrincipalType": s.role ? "AssumedRole" : "User",
    "aws:username": s.role ? undefined : s.user?.name,
    "aws:userid": s.userId,
    "aws:CurrentTime": new Date(now).toISOString(),
    "aws:SecureTransport": "false",
    ...extra,
  };
}

export function decide(world: World, s: Session, action: string, resource: string, ctx: ConditionContext): Decision {
  return evaluate(identityPolicies(world, s), action, resource, ctx);
}

/** The denial AWS gives for `action` in the caller's service and protocol. */
export function deniedError(
  service: ServiceInfo,
  s: Session,
  action: string,
  resource: string,
  decision: Decision,
): ApiError {
  const why =
    decision === "explicit-deny"
      ? "with an explicit deny in an identity-based policy"
      : `because no identity-based policy allows the ${action} action`;
  if (service.protocol === "ec2") {
    return new ApiError(
      "UnauthorizedOperation",
      `You are not authorized to perform this operation. User: ${s.arn} is not authorized to perform: ${action} ${why}`,
      403,
    );
  }
  const message = `User: ${s.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
  if (service.protocol === "json") return new ApiError("AccessDeniedException", message, 400);
  return new ApiError("AccessDenied", message, 403);
}
