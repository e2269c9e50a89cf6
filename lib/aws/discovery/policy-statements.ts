import { hasWildcard, parseRoleArn } from "../arn";

// Reads which roles an IAM policy document lets its holder assume. Only Allow statements whose
// Action covers sts:AssumeRole count, and only exact role ARNs become targets: a wildcard
// resource (arn:aws:iam::*:role/X, *) could mean any account, so it is reported, not guessed.
// NotAction / NotResource invert the meaning and cannot be followed either.

export type AssumableRoles = { roleArns: string[]; deniedRoleArns: string[]; warnings: string[] };

type Statement = {
  Sid?: unknown;
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
};

export function assumableRoles(document: unknown, policyName: string): AssumableRoles {
  const out: AssumableRoles = { roleArns: [], deniedRoleArns: [], warnings: [] };
  const statements = statementsOf(document);
  if (statements === undefined) {
    out.warnings.push(`Policy ${policyName}: the document could not be read`);
    return out;
  }
  statements.forEach((statement, index) => {
    const label = `Policy ${policyName}, statement ${typeof statement.Sid === "string" && statement.Sid ? statement.Sid : index + 1}`;
    const effect = statement.Effect === "Deny" ? "Deny" : statement.Effect === "Allow" ? "Allow" : undefined;
    if (!effect) return;
    if (statement.NotAction !== undefined) {
      if (effect === "Allow")
        out.warnings.push(
          `${label} uses NotAction: which roles it allows to assume cannot be followed; list exact role ARNs with sts:AssumeRole instead`,
        );
      return;
    }
    if (!listOf(statement.Action).some(coversAssumeRole)) return;
    if (statement.NotResource !== undefined) {
      if (effect === "Allow")
        out.warnings.push(
          `${label} uses NotResource with sts:AssumeRole: the roles it allows cannot be followed; list exact role ARNs instead`,
        );
      return;
    }
    for (const resource of listOf(statement.Resource)) {
      if (hasWildcard(resource)) {
        if (effect === "Allow")
          out.warnings.push(
            `${label} allows sts:AssumeRole on the wildcard ${resource}: wildcards are not followed; list each exact role ARN`,
          );
        continue;
      }
      if (!parseRoleArn(resource)) continue;
      (effect === "Allow" ? out.roleArns : out.deniedRoleArns).push(resource);
    }
  });
  out.roleArns = [...new Set(out.roleArns)];
  out.deniedRoleArns = [...new Set(out.deniedRoleArns)];
  return out;
}

/** IAM returns documents RFC 3986 URL-encoded; the SDK does not decode them. */
export function decodePolicyDocument(document: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(document));
  } catch {
    return JSON.parse(document);
  }
}

function statementsOf(document: unknown): Statement[] | undefined {
  if (!document || typeof document !== "object") return undefined;
  const raw = (document as { Statement?: unknown }).Statement;
  if (Array.isArray(raw)) return raw.filter((s): s is Statement => Boolean(s) && typeof s === "object");
  if (raw && typeof raw === "object") return [raw as Statement];
  return undefined;
}

function listOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

// IAM action names are case-insensitive and may use * and ? wildcards ("sts:*", "sts:Assume*").
function coversAssumeRole(action: string): boolean {
  const pattern = action
    .trim()
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${pattern}$`, "i").test("sts:AssumeRole");
}
