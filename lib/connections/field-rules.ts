import { z } from "zod";
import { PARTITIONS } from "../aws/partitions";

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

// Accepts an array, or text with one entry per line (or comma-separated), as forms send it.
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : (value ?? [])),
    z.array(item),
  );
}

export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export function roleArnSchema(label = "Role ARN") {
  return z
    .string()
    .trim()
    .refine((value) => !value.includes("*"), `${label}: wildcards are not allowed; give an exact role ARN`)
    .refine(
      (value) => value.includes("*") || ROLE_ARN.test(value),
      `${label}: expected arn:aws:iam::123456789012:role/RoleName`,
    );
}
