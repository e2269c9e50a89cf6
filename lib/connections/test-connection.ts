import "server-only";
import { z } from "zod";
import { AUDIT_CONNECTION } from "./audit-actions";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { parseInput } from "../validation";
import { runConnectionTest, type CheckEvent } from "./probe";
import { connectionInputSchema, parseStoredConfig, toStoredConfig, type ConnectionInput } from "./schemas";
import { recordConnectionTest } from "./record-test";
import { decryptSecrets } from "./secret-columns";
import { reusableSecrets, secretsToReenter } from "./secret-destination";
import { keepUnsavedTest } from "./tested-settings";
import { toAwsSettings, type ConnectionSecrets } from "./to-settings";

// The route's JSON body; `input` is checked by connectionInputSchema below.
const testRequestSchema = z.strictObject({
  connectionId: z.string().min(1).max(64).optional(),
  input: z.unknown().optional(),
  mfaCode: z.string().max(16, "The MFA code has 6 digits").optional(),
});
export type TestRequest = z.input<typeof testRequestSchema>;

// Tests a saved connection, or the wizard's unsaved form (on edit, blank secrets fall back to
// the stored ones while the endpoint, proxy, partition and key ID are unchanged). A test of exactly
// the saved configuration is recorded at once; any other is kept until those settings are saved
// (tested-settings.ts), so a connection tested in the wizard is scheduled as soon as it is saved.
export async function testConnection(
  body: TestRequest,
  actor: AuditActor,
  ip: string | null,
  onEvent: (event: CheckEvent) => void,
) {
  const request = parseInput(testRequestSchema, body);
  const stored = request.connectionId
    ? await getDb().connection.findUnique({ where: { id: request.connectionId } })
    : null;
  if (request.connectionId && !stored) throw new NotFoundError("Connection not found");
  const storedInput = stored ? parseStoredConfig(stored.name, stored.config) : null;
  const storedSecrets = stored ? decryptSecrets(stored) : {};
  const input = request.input === undefined ? storedInput : parseInput(connectionInputSchema, request.input);
  if (!input) throw new ValidationError("Nothing to test");

  if (storedInput) {
    // Nothing leaves before this check: a changed endpoint or proxy gets no stored secret.
    const flags = {
      secretAccessKey: !!storedSecrets.secretAccessKey,
      sessionToken: !!storedSecrets.sessionToken,
      proxyPassword: !!storedSecrets.proxyPassword,
    };
    const missing = secretsToReenter(storedInput, input, flags);
    if (Object.keys(missing).length)
      throw new ValidationError("The destination changed: enter the stored secrets again", missing);
  }
  const secrets = mergeSecrets(input, storedInput, storedSecrets);
  const settings = toAwsSettings(toStoredConfig(input), secrets);
  if (settings.credentials.kind === "access-key" && !settings.credentials.secretAccessKey) {
    throw new ValidationError("Enter the secret access key", { secretAccessKey: ["Enter the secret access key"] });
  }
  const code = request.mfaCode?.trim();
  if (code && !/^\d{6}$/.test(code))
    throw new ValidationError("The MFA code has 6 digits", { mfaCode: ["The MFA code has 6 digits"] });
  const report = await runConnectionTest(settings, {
    mfaCode: code || undefined,
    mfaSessionDurationSeconds: input.mfaSessionHours * 3600,
    onEvent,
  });

  const isSavedConfig =
    stored !== null && storedInput !== null && sameConfig(input, storedInput) && !hasNewSecrets(input);
  if (stored && isSavedConfig) await recordConnectionTest(stored.id, report);
  else keepUnsavedTest(settings, report);
  await recordAuditEvent({
    action: AUDIT_CONNECTION.tested,
    actor,
    ip,
    targetType: "connection",
    targetId: stored?.id,
    target: input.name,
    details: { outcome: report.outcome, saved: isSavedConfig },
  });
  return { outcome: report.outcome, recorded: isSavedConfig };
}

// Typed secrets win; a stored one is used only while its destination is unchanged.
function mergeSecrets(
  input: ConnectionInput,
  storedInput: ConnectionInput | null,
  stored: ConnectionSecrets,
): ConnectionSecrets {
  const reusable = storedInput ? reusableSecrets(storedInput, input, stored) : {};
  return {
    secretAccessKey: input.secretAccessKey ?? reusable.secretAccessKey,
    sessionToken: input.clearSessionToken ? undefined : (input.sessionToken ?? reusable.sessionToken),
    proxyPassword: input.clearProxyPassword ? undefined : (input.proxyPassword ?? reusable.proxyPassword),
    mfaSession: storedInput?.mfaSerial === input.mfaSerial ? liveSession(reusable.mfaSession) : undefined,
  };
}

function liveSession(session: ConnectionSecrets["mfaSession"]) {
  return session && session.expiration.getTime() > Date.now() + 60_000 ? session : undefined;
}

function sameConfig(a: ConnectionInput, b: ConnectionInput): boolean {
  return JSON.stringify(toStoredConfig(a)) === JSON.stringify(toStoredConfig(b)) && a.name === b.name;
}

function hasNewSecrets(input: ConnectionInput): boolean {
  return !!(
    input.secretAccessKey ||
    input.sessionToken ||
    input.proxyPassword ||
    input.clearSessionToken ||
    input.clearProxyPassword
  );
}
