import { z } from "zod";
import { PARTITIONS } from "../aws/partitions";
import { hasControlChars, safeText } from "../text-rules";

// Field formats from SECURITY.md 13 and AWS's own limits. Exported for the form and import.
export const ACCOUNT_ID = /^\d{12}$/;
export const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const MFA_SERIAL = /^(arn:(aws|aws-cn|aws-us-gov):iam::\d{12}:mfa\/[\w+=,.@/-]{1,512}|[\w+=/:,.@-]{9,256})$/;
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
export const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
export const OU_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32})$/;
export const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

export const partitionSchema = z.enum(PARTITIONS, "Choose aws, aws-cn or aws-us-gov");

// Upper bounds for every field (issue 10 item 9: 900 KB values were accepted). Generous next to
// AWS's own limits: secret keys are 40 characters, session tokens about 1-2 KB.
export const MAX = {
  name: 100,
  text: 256,
  url: 2048,
  arn: 2048,
  externalId: 1224,
  region: 32,
  secretAccessKey: 128,
  sessionToken: 4096,
  proxyPassword: 1024,
  roleArns: 1000,
  organizationalUnitIds: 1000,
  excludeAccountIds: 5000,
  regions: 64,
} as const;

// Accepts an array, or text with one entry per line (or comma-separated), as forms send it.
export function listOf<T extends z.ZodType>(item: T, max: number, label: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : (value ?? [])),
    z.array(item).max(max, `${label}: at most ${max} entries`),
  );
}

// Blank becomes undefined. Bounded, and free of control and text-direction characters.
export function optionalText(max: number = MAX.text, label?: string) {
  return safeText(max, label)
    .optional()
    .transform((value) => (value ? value : undefined));
}

// A secret: any printable character, bounded; the message never repeats the value.
export function optionalSecret(max: number, label: string) {
  return z
    .string(`${label}: expected text`)
    .trim()
    .max(max, `${label}: use at most ${max} characters`)
    .refine((value) => !hasControlChars(value), `${label}: remove control characters`)
    .optional()
    .transform((value) => (value ? value : undefined));
}

// Only true or false: "yes", 1 or "false" are mistakes, not flags.
export const flag = z.boolean("Expected true or false").default(false);

export function roleArnSchema(label = "Role ARN") {
  return boundedArn(label).superRefine((value, ctx) => {
    const problem = roleArnProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `${label}: ${problem}` });
  });
}

// One entry of a list of role ARNs: the message names the entry itself, so three bad lines
// give three messages an admin can match to the lines (issue 12 item 4).
export function roleArnLineSchema(label = "Role ARN") {
  return boundedArn(label).superRefine((value, ctx) => {
    const problem = roleArnProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `${shownValue(value)}: ${problem}` });
  });
}

function boundedArn(label: string) {
  return z.string().trim().max(MAX.arn, `${label}: use at most ${MAX.arn} characters`);
}

function roleArnProblem(value: string): string | null {
  if (value.includes("*")) return "wildcards are not allowed; give an exact role ARN";
  if (ROLE_ARN.test(value)) return null;
  if (!value.startsWith("arn:")) return "not an ARN; expected arn:aws:iam::123456789012:role/RoleName";
  if (!/^arn:[^:]*:iam::/.test(value)) return "not an IAM ARN; expected arn:aws:iam::123456789012:role/RoleName";
  if (!/^arn:[^:]*:iam::\d{12}:/.test(value))
    return "the account ID must be exactly 12 digits (arn:aws:iam::123456789012:role/RoleName)";
  if (!/^arn:[^:]*:iam::\d{12}:role\//.test(value)) return "not a role; expected …:role/RoleName";
  return "expected arn:aws:iam::123456789012:role/RoleName (role names: letters, digits and +=,.@_-)";
}

// Long values are cut in messages: a message never carries a whole pasted blob.
function shownValue(value: string): string {
  return value.length > 120 ? `${value.slice(0, 120)}…` : value;
}

// Names the unknown keys (and the known key that differs only in case, the usual typo);
// other issues keep zod's message.
export function unknownKeysMessage(
  issue: { code?: string; keys?: string[] },
  known: readonly string[] = [],
): string | undefined {
  if (issue.code !== "unrecognized_keys" || !issue.keys) return undefined;
  const shown = issue.keys.slice(0, 5).map((key) => (key.length > 64 ? `${key.slice(0, 64)}…` : key));
  return shown
    .map((key) => {
      const near = known.find((name) => name.toLowerCase() === key.toLowerCase());
      return `Unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ""}`;
    })
    .join("; ");
}
