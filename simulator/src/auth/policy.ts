// IAM policy evaluation for identity and trust policies: Allow/Deny, Action/NotAction,
// Resource/NotResource, `*`/`?` wildcards and the condition operators presets and tests use.
import type { PolicyDocument, PolicyStatement } from "../world/types";

export type Decision = "allow" | "implicit-deny" | "explicit-deny";

/** Condition keys of the request (names compared case-insensitively, like IAM). */
export type ConditionContext = Record<string, string | undefined>;

const globCache = new Map<string, RegExp>();

export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const cacheKey = `${ignoreCase ? "i" : "s"}:${pattern}`;
  let re = globCache.get(cacheKey);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
    globCache.set(cacheKey, re);
  }
  return re.test(value);
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function statements(doc: PolicyDocument): PolicyStatement[] {
  return asList(doc.Statement);
}

function actionMatches(s: PolicyStatement, action: string): boolean {
  // Action names are case-insensitive in IAM.
  if (s.Action !== undefined) return asList(s.Action).some((a) => globMatch(a, action, true));
  if (s.NotAction !== undefined) return !asList(s.NotAction).some((a) => globMatch(a, action, true));
  return false;
}

function resourceMatches(s: PolicyStatement, resource: string): boolean {
  if (s.Resource !== undefined) return asList(s.Resource).some((r) => globMatch(r, resource));
  if (s.NotResource !== undefined) return !asList(s.NotResource).some((r) => globMatch(r, resource));
  // Trust policies have no Resource: the role itself is the resource.
  return true;
}

function lookup(ctx: ConditionContext, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const k of Object.keys(ctx)) if (k.toLowerCase() === lower) return ctx[k];
  return undefined;
}

const OPERATORS: Record<string, (actual: string, expected: string) => boolean> = {
  StringEquals: (a, e) => a === e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringLike: (a, e) => globMatch(e, a),
  ArnEquals: (a, e) => a === e,
  ArnLike: (a, e) => globMatch(e, a),
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
  NumericEquals: (a, e) => Number(a) === Number(e),
  NumericLessThan: (a, e) => Number(a) < Number(e),
  NumericLessThanEquals: (a, e) => Number(a) <= Number(e),
  NumericGreaterThan: (a, e) => Number(a) > Number(e),
  NumericGreaterThanEquals: (a, e) => Number(a) >= Number(e),
};
const NEGATED: Record<string, string> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike",
};

function conditionHolds(
  op: string,
  key: string,
  expectedRaw: string | string[] | boolean,
  ctx: ConditionContext,
): boolean {
  const expected = asList(expectedRaw).map(String);
  const ifExists = op.endsWith("IfExists");
  const base = op.replace(/^For(Any|All)Values?:/, "").replace(/IfExists$/, "");
  const actual = lookup(ctx, key);
  if (base === "Null") return expected.some((e) => (e.toLowerCase() === "true") === (actual === undefined));
  // A missing key fails every operator (even the negated ones) unless the operator ends in IfExists.
  if (actual === undefined) return ifExists;
  if (NEGATED[base]) return !expected.some((e) => OPERATORS[NEGATED[base]](actual, e));
  const fn = OPERATORS[base];
  // Unknown operators never match: safer to deny than to allow by accident.
  return fn ? expected.some((e) => fn(actual, e)) : false;
}

export function conditionsHold(s: PolicyStatement, ctx: ConditionContext): boolean {
  for (const [op, block] of Object.entries(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(block)) if (!conditionHolds(op, key, value, ctx)) return false;
  }
  return true;
}

export function statementApplies(s: PolicyStatement, action: string, resource: string, ctx: ConditionContext): boolean {
  return actionMatches(s, action) && resourceMatches(s, resource) && conditionsHold(s, ctx);
}

/** Explicit deny wins, then any allow, else the implicit deny. */
export function evaluate(docs: PolicyDocument[], action: string, resource: string, ctx: ConditionContext): Decision {
  let allowed = false;
  for (const d of docs) {
    for (const s of statements(d)) {
      if (!statementApplies(s, action, resource, ctx)) continue;
      if (s.Effect === "Deny") return "explicit-deny";
      allowed = true;
    }
  }
  return allowed ? "allow" : "implicit-deny";
}
