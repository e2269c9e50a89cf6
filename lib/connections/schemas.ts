import { z } from "zod";
import { isRegionInPartition, REGIONS } from "../aws/partitions";
import { proxyUrlSchema } from "../aws/proxy";
import { safeText } from "../text-rules";
import {
  ACCESS_KEY_ID,
  ACCOUNT_ID,
  EXTERNAL_ID,
  flag,
  listOf,
  MAX,
  MFA_SERIAL,
  optionalSecret,
  optionalText,
  OU_ID,
  partitionSchema,
  ROLE_ARN,
  ROLE_NAME,
  ROLE_SESSION_NAME,
  roleArnLineSchema,
  roleArnSchema,
  unknownKeysMessage,
} from "./field-rules";
import { DEFAULT_SCHEDULE, scheduleError } from "./schedule";

// The connection form, the import file and the Test Connection route all validate with this.
// Secrets are optional here: on edit a blank secret keeps the stored value (while the
// destination is unchanged: see secret-destination.ts). Unknown keys are refused, so a
// misspelled `endpointURL` in an import file cannot silently send the connection to real AWS.
const roleHopSchema = z.strictObject(
  {
    roleArn: roleArnSchema("Role chain"),
    externalId: optionalText(MAX.externalId, "External ID").refine(
      (value) => !value || EXTERNAL_ID.test(value),
      "External ID: 2-1224 characters of letters, digits and +=,.@:/-",
    ),
  },
  { error: (issue) => unknownKeysMessage(issue, ["roleArn", "externalId"]) },
);

const connectionFields = {
  name: safeText(MAX.name).min(1, "Give the connection a name"),
  partition: partitionSchema.default("aws"),
  adapter: z.enum(["direct", "config-aggregator"]).default("direct"),
  aggregatorName: optionalText(MAX.text, "Aggregator"),
  aggregatorRegion: optionalText(MAX.region, "Aggregator region"),
  credentialSource: z.enum(["access-key", "ambient"]).default("access-key"),
  accessKeyId: optionalText(MAX.text, "Access key ID").refine(
    (value) => !value || ACCESS_KEY_ID.test(value),
    "Access key ID: 16-128 capital letters and digits",
  ),
  secretAccessKey: optionalSecret(MAX.secretAccessKey, "Secret access key"),
  sessionToken: optionalSecret(MAX.sessionToken, "Session token"),
  clearSessionToken: flag,
  mfaSerial: optionalText(MAX.arn, "MFA device").refine(
    (value) => !value || MFA_SERIAL.test(value),
    "MFA device: an MFA ARN (arn:aws:iam::123456789012:mfa/name) or a hardware serial",
  ),
  mfaSessionHours: z.coerce.number().int().min(1, "At least 1 hour").max(36, "AWS allows at most 36 hours").default(12),
  ambientProvider: z
    .enum(["instance-profile", "container", "environment", "default-chain"])
    .default("instance-profile"),
  roleChain: z.array(roleHopSchema).max(5, "At most 5 roles in a chain").default([]),
  externalId: z
    .string()
    .trim()
    .regex(EXTERNAL_ID, "External ID: 2-1224 characters of letters, digits and +=,.@:/- (no spaces)"),
  roleSessionName: z
    .string()
    .trim()
    .regex(ROLE_SESSION_NAME, "Session name: 2-64 characters of letters, digits and +=,.@-")
    .default("cirrus"),
  accountMode: z.enum(["self", "role-arns", "iam-policies", "organizations"]).default("self"),
  roleArns: listOf(roleArnLineSchema(), MAX.roleArns, "Role ARNs").default([]),
  organizationalUnitIds: listOf(
    z.string().regex(OU_ID, "OU: expected ou-xxxx-xxxxxxxx or a root r-xxxx"),
    MAX.organizationalUnitIds,
    "OUs",
  ).default([]),
  memberRoleName: optionalText(MAX.text, "Role name").refine(
    (value) => !value || ROLE_NAME.test(value),
    "Role name: 1-64 characters of letters, digits and +=,.@-",
  ),
  excludeAccountIds: listOf(
    z.string().regex(ACCOUNT_ID, "Account ID: exactly 12 digits"),
    MAX.excludeAccountIds,
    "Excluded accounts",
  ).default([]),
  regionMode: z.enum(["list", "all-enabled"]).default("all-enabled"),
  regions: listOf(z.string().max(MAX.region, "Region: use at most 32 characters"), MAX.regions, "Regions").default([]),
  proxyUrl: optionalText(MAX.url, "Proxy").pipe(proxyUrlSchema.optional()),
  proxyUsername: optionalText(MAX.text, "Proxy username"),
  proxyPassword: optionalSecret(MAX.proxyPassword, "Proxy password"),
  clearProxyPassword: flag,
  endpointUrl: optionalText(MAX.url, "Endpoint").refine(
    (value) => !value || /^https?:\/\/[^\s/@]+(:\d+)?\/?$/.test(value),
    "Endpoint: http(s)://host[:port]",
  ),
  concurrency: z.coerce.number().int().min(1, "At least 1").max(64, "At most 64").default(8),
  // Managed nodes and installed software from SSM Inventory. On for a new connection: software is
  // what licence positions are made of. Off: no SSM call is made and no SSM action is required.
  collectSoftware: z.boolean("Expected true or false").default(true),
  schedule: safeText(MAX.text, "Schedule").default(DEFAULT_SCHEDULE),
};

export const connectionInputSchema = z
  .strictObject(connectionFields, { error: (issue) => unknownKeysMessage(issue, Object.keys(connectionFields)) })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (input.adapter === "config-aggregator") {
      if (!input.aggregatorName) issue("aggregatorName", "Name the AWS Config aggregator");
      if (!input.aggregatorRegion) issue("aggregatorRegion", `Choose the aggregator's region in ${input.partition}`);
    }
    if (input.aggregatorRegion && !isRegionInPartition(input.aggregatorRegion, input.partition)) {
      issue("aggregatorRegion", `Choose the aggregator's region in ${input.partition}`);
    }
    if (input.credentialSource === "access-key" && !input.accessKeyId) issue("accessKeyId", "Enter the access key ID");
    if (input.accountMode === "role-arns" && input.roleArns.length === 0)
      issue("roleArns", "List at least one member role ARN");
    if (input.accountMode === "organizations" && !input.memberRoleName)
      issue("memberRoleName", "Name the role Cirrus assumes in member accounts");
    if (input.accountMode === "iam-policies" && input.credentialSource !== "access-key") {
      issue("accountMode", "Policy discovery reads an IAM user's policies: use access keys");
    }
    // zod runs this even when a field failed its length check: such values never reach a message.
    // Only well-formed ARNs: a malformed one already has its own message.
    const outside = (arn: string) =>
      arn.length <= MAX.arn && ROLE_ARN.test(arn) && !arn.startsWith(`arn:${input.partition}:`);
    input.roleArns.forEach((arn, index) => {
      if (outside(arn)) issue(`roleArns.${index}`, `${arn}: not in the ${input.partition} partition`);
    });
    input.roleChain.forEach((hop, index) => {
      if (outside(hop.roleArn))
        issue(`roleChain.${index}.roleArn`, `${hop.roleArn} is not in the ${input.partition} partition`);
    });
    // Checked in every region mode: a stored list is shown and re-used when the mode changes back.
    if (input.regionMode === "list" && input.regions.length === 0) issue("regions", "Choose at least one region");
    const unknown = input.regions.filter(
      (region) => region.length <= MAX.region && !REGIONS[input.partition].includes(region),
    );
    if (unknown.length)
      issue(
        "regions",
        `Not ${input.partition} regions: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}`,
      );
    if (input.schedule && input.schedule.length <= MAX.text) {
      const problem = scheduleError(input.schedule);
      if (problem) issue("schedule", problem);
    }
    if (input.proxyPassword && !input.proxyUsername) issue("proxyUsername", "A proxy password needs a username");
  });

export type ConnectionInput = z.infer<typeof connectionInputSchema>;

// What is stored in Connection.config: the validated input without its secrets.
export const SECRET_FIELDS = ["secretAccessKey", "sessionToken", "proxyPassword"] as const;
export type StoredConfig = Omit<
  ConnectionInput,
  "name" | (typeof SECRET_FIELDS)[number] | "clearSessionToken" | "clearProxyPassword"
>;

export function toStoredConfig(input: ConnectionInput): StoredConfig {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { name, secretAccessKey, sessionToken, proxyPassword, clearSessionToken, clearProxyPassword, ...config } =
    input;
  return config;
}

export function parseStoredConfig(name: string, json: string): ConnectionInput {
  // A connection saved before software collection existed keeps collecting what it did: turning
  // it on needs SSM permissions its roles may lack, which would turn its runs partial unasked.
  return connectionInputSchema.parse({ collectSoftware: false, ...JSON.parse(json), name });
}
