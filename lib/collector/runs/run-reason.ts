import { DENIED_CODES, THROTTLING_CODES } from "../../aws/error-codes";
import { RESOURCES } from "../../resources/registry";

// The failed scopes' facts the reason is built from. `message` is AWS's text: null for viewers
// (redact-run.ts), so their line names the type's own call instead of the one AWS quoted.
export type FailedScopeFacts = {
  accountId: string;
  region: string;
  resourceType: string;
  errorCode: string | null;
  message: string | null;
};

// A whole account that could not be reached is recorded as one scope of this pseudo-type
// (account-failure.ts), region "global".
const ACCOUNT_SCOPE = "account";
const MAX_GROUPS = 2;
const MAX_PLACES = 2;

type Group = { kind: string; action: string; scopes: FailedScopeFacts[] };

// Why a run was partial or failed, in one line for the Runs list: failed scopes grouped by what
// went wrong and which call, e.g. "1 scope denied: rds:DescribeDBInstances in 333333333333
// eu-west-1". Null when no scope failed (a run that failed before planning has its errorMessage).
export function runReason(failed: FailedScopeFacts[]): string | null {
  if (failed.length === 0) return null;
  const groups = new Map<string, Group>();
  for (const scope of failed) {
    const kind = kindOf(scope);
    const action = actionOf(scope);
    const key = `${kind}|${action}`;
    if (!groups.has(key)) groups.set(key, { kind, action, scopes: [] });
    groups.get(key)!.scopes.push(scope);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.scopes.length - a.scopes.length || a.kind.localeCompare(b.kind) || a.action.localeCompare(b.action),
  );
  const shown = ordered.slice(0, MAX_GROUPS).map(describeGroup);
  const rest = ordered.slice(MAX_GROUPS).reduce((sum, group) => sum + group.scopes.length, 0);
  if (rest) shown.push(`${rest} more failed`);
  return shown.join("; ");
}

function kindOf(scope: FailedScopeFacts): string {
  const code = scope.errorCode ?? "";
  if (scope.resourceType === ACCOUNT_SCOPE) return code ? `unreachable (${code})` : "unreachable";
  if (DENIED_CODES.has(code)) return "denied";
  if (THROTTLING_CODES.has(code)) return "throttled";
  if (code === "ScopeDeadlineExceeded") return "timed out";
  return code ? `failed (${code})` : "failed";
}

// The IAM action AWS's text names ("... not authorized to perform: rds:DescribeDBInstances"),
// else the type's own read call.
function actionOf(scope: FailedScopeFacts): string {
  const quoted = /\b([a-z][a-z0-9-]*:[A-Z][A-Za-z0-9*]*)\b/.exec(scope.message ?? "")?.[1];
  if (quoted) return quoted;
  if (scope.resourceType === ACCOUNT_SCOPE) return "sts:AssumeRole";
  return Object.hasOwn(RESOURCES, scope.resourceType)
    ? RESOURCES[scope.resourceType as keyof typeof RESOURCES].aws.read
    : scope.resourceType;
}

function describeGroup({ kind, action, scopes }: Group): string {
  const accountsOnly = scopes.every((scope) => scope.resourceType === ACCOUNT_SCOPE);
  if (accountsOnly) {
    const accounts = unique(scopes.map((scope) => scope.accountId));
    return `${count(accounts.length, "account")} ${kind}: ${action} into ${places(accounts, "account")}`;
  }
  return `${count(scopes.length, "scope")} ${kind}: ${action} in ${where(scopes)}`;
}

// "333333333333 eu-west-1", "333333333333 eu-west-1, 444444444444 us-east-1",
// "333333333333 in 3 regions", "eu-west-1 in 4 accounts", "3 accounts, 2 regions".
function where(scopes: FailedScopeFacts[]): string {
  const cells = unique(scopes.map((scope) => `${scope.accountId} ${scope.region}`));
  if (cells.length <= MAX_PLACES) return cells.join(", ");
  const accounts = unique(scopes.map((scope) => scope.accountId));
  const regions = unique(scopes.map((scope) => scope.region));
  if (accounts.length === 1) return `${accounts[0]} in ${count(regions.length, "region")}`;
  if (regions.length === 1) return `${regions[0]} in ${count(accounts.length, "account")}`;
  return `${count(accounts.length, "account")}, ${count(regions.length, "region")}`;
}

function places(values: string[], noun: string): string {
  return values.length <= MAX_PLACES ? values.join(", ") : count(values.length, noun);
}

const unique = (values: string[]) => [...new Set(values)].sort();
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
