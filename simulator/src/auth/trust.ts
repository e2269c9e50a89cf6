// Trust-policy evaluation for sts:AssumeRole: who may assume, with which external ID and MFA.
import type { RoleSpec } from "../world/types";
import { type ConditionContext, conditionsHold, globMatch, statements } from "./policy";
import type { Session } from "./session";

export interface TrustResult {
  allowed: boolean;
  /** Matched by the caller's own ARN (not an account root), which for a same-account caller
   * makes an identity policy unnecessary. */
  byExactPrincipal: boolean;
}

function principalMatches(entry: string, s: Session, arnPrefix: string): "exact" | "account" | undefined {
  if (entry === "*") return "account";
  if (/^\d{12}$/.test(entry)) return entry === s.accountId ? "account" : undefined;
  if (entry === `${arnPrefix}iam::${s.accountId}:root`) return "account";
  const ids = [s.roleArn, s.arn].filter((x): x is string => Boolean(x));
  return ids.some((id) => globMatch(entry, id)) ? "exact" : undefined;
}

export function evaluateTrust(role: RoleSpec, caller: Session, ctx: ConditionContext, arnPrefix: string): TrustResult {
  let allowed = false;
  let exact = false;
  for (const st of statements(role.trustPolicy)) {
    const actions = Array.isArray(st.Action) ? st.Action : [st.Action ?? ""];
    if (!actions.some((a) => globMatch(a, "sts:AssumeRole", true))) continue;
    const aws =
      st.Principal === "*"
        ? ["*"]
        : st.Principal?.AWS === undefined
          ? []
          : Array.isArray(st.Principal.AWS)
            ? st.Principal.AWS
            : [st.Principal.AWS];
    const how = aws.map((p) => principalMatches(p, caller, arnPrefix)).find(Boolean);
    if (!how || !conditionsHold(st, ctx)) continue;
    if (st.Effect === "Deny") return { allowed: false, byExactPrincipal: false };
    allowed = true;
    exact ||= how === "exact";
  }
  return { allowed, byExactPrincipal: exact };
}
