import { ValidationError } from "../errors";
import { parseInput } from "../validation";
import { generatePolicies, type GeneratedPolicies, type PolicyOptions } from "./policies";
import { connectionInputSchema, toStoredConfig } from "./schemas";
import { toAwsSettings } from "./to-settings";

// The documents depend on the partition, adapter, credential kind (and MFA device), role chain,
// external ID and accounts. The wizard offers them from the Accounts step on, while the name,
// the key and the later steps (regions, proxy, schedule) may still be blank or half-typed: those
// are set to neutral values here, so only a mistake in a field the documents use stops them.
const NEUTRAL = {
  name: "draft",
  secretAccessKey: undefined,
  sessionToken: undefined,
  clearSessionToken: false,
  mfaSessionHours: 12,
  regionMode: "all-enabled",
  regions: [],
  proxyUrl: "",
  proxyUsername: "",
  proxyPassword: undefined,
  clearProxyPassword: false,
  endpointUrl: "",
  concurrency: 8,
  schedule: "",
};
// A well-formed key ID that no document ever shows: the key only matters for signing calls.
const ANY_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"; // AWS's documented example key ID

/** The policies for the wizard's unsaved form, filled with what a test found (caller ARN, member roles). */
export function generateDraftPolicies(formInput: unknown, options: PolicyOptions = {}): GeneratedPolicies {
  if (!formInput || typeof formInput !== "object" || Array.isArray(formInput))
    throw new ValidationError("Expected the connection's settings");
  const input = parseInput(connectionInputSchema, { ...formInput, ...NEUTRAL, accessKeyId: ANY_ACCESS_KEY_ID });
  return generatePolicies(toAwsSettings(toStoredConfig(input), {}), options);
}
