import type { PolicyCondition, PolicyDocument, PolicyStatement } from "./types";

export function policy(...statements: (PolicyStatement | undefined)[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements.filter((s): s is PolicyStatement => s !== undefined) };
}

export function allow(
  Sid: string,
  actions: readonly string[],
  resource: string | readonly string[] = "*",
  condition?: PolicyCondition,
): PolicyStatement {
  const Resource = typeof resource === "string" ? resource : resource.length === 1 ? resource[0] : [...resource];
  return {
    Sid,
    Effect: "Allow",
    Action: actions.length === 1 ? actions[0] : [...actions],
    Resource,
    ...(condition ? { Condition: condition } : {}),
  };
}

export const MFA_CONDITION: PolicyCondition = { Bool: { "aws:MultiFactorAuthPresent": "true" } };

/** Trust: `principal` may assume the role, with the external ID (and MFA) when given. */
export function trust(principal: string, externalId: string | undefined, requireMfa: boolean): PolicyDocument {
  const condition: PolicyCondition = {
    ...(externalId ? { StringEquals: { "sts:ExternalId": externalId } } : {}),
    ...(requireMfa ? MFA_CONDITION : {}),
  };
  return policy({
    Sid: "TrustCirrus",
    Effect: "Allow",
    Principal: { AWS: principal },
    Action: "sts:AssumeRole",
    ...(Object.keys(condition).length ? { Condition: condition } : {}),
  });
}
