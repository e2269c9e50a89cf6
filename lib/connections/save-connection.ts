import "server-only";
import { AUDIT_CONNECTION } from "./audit-actions";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { connectionInputSchema, toStoredConfig, type ConnectionInput } from "./schemas";
import { encryptOptional } from "./secret-columns";
import { parseInput } from "../validation";

type Context = { actor: AuditActor; ip: string | null };

async function assertNameFree(name: string, exceptId?: string) {
  const clash = await getDb().connection.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== exceptId) {
    throw new ValidationError("A connection with this name exists", { name: ["A connection with this name exists"] });
  }
}

function requireSecret(input: ConnectionInput, hasStored: boolean) {
  if (input.credentialSource === "access-key" && !input.secretAccessKey && !hasStored) {
    throw new ValidationError("Enter the secret access key", { secretAccessKey: ["Enter the secret access key"] });
  }
}

export async function createConnection(raw: unknown, { actor, ip }: Context) {
  const input = parseInput(connectionInputSchema, raw);
  requireSecret(input, false);
  await assertNameFree(input.name);
  const connection = await getDb().connection.create({
    data: {
      name: input.name,
      config: JSON.stringify(toStoredConfig(input)),
      secretAccessKeyEnc: input.credentialSource === "access-key" ? encryptOptional(input.secretAccessKey) : null,
      sessionTokenEnc: input.credentialSource === "access-key" ? encryptOptional(input.sessionToken) : null,
      proxyPasswordEnc: input.proxyUrl ? encryptOptional(input.proxyPassword) : null,
      schedule: input.schedule || null,
    },
    select: { id: true, name: true },
  });
  await recordAuditEvent({
    action: AUDIT_CONNECTION.created,
    actor,
    ip,
    targetType: "connection",
    targetId: connection.id,
    target: connection.name,
    details: { fields: Object.keys(toStoredConfig(input)).sort() },
  });
  return connection;
}

// A blank secret keeps the stored one; changing the key ID, the MFA device or the credential
// source drops the stored MFA session, which belonged to the old identity.
export async function updateConnection(id: string, raw: unknown, { actor, ip }: Context) {
  const input = parseInput(connectionInputSchema, raw);
  const existing = await getDb().connection.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError("Connection not found");
  const before = JSON.parse(existing.config) as Record<string, unknown>;
  const after = toStoredConfig(input) as Record<string, unknown>;
  const keyChanged = before.accessKeyId !== after.accessKeyId || before.credentialSource !== after.credentialSource;
  if (keyChanged && input.credentialSource === "access-key" && !input.secretAccessKey) {
    throw new ValidationError("Enter the secret for the new access key", { secretAccessKey: ["Enter the secret for the new access key"] });
  }
  requireSecret(input, existing.secretAccessKeyEnc !== null);
  await assertNameFree(input.name, id);

  const changed = Object.keys({ ...before, ...after }).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (existing.name !== input.name) changed.push("name");
  const accessKey = input.credentialSource === "access-key";
  const secrets = {
    secretAccessKeyEnc: !accessKey ? null : input.secretAccessKey ? encryptOptional(input.secretAccessKey) : existing.secretAccessKeyEnc,
    sessionTokenEnc:
      !accessKey || input.clearSessionToken ? null : input.sessionToken ? encryptOptional(input.sessionToken) : existing.sessionTokenEnc,
    proxyPasswordEnc:
      !input.proxyUrl || input.clearProxyPassword ? null : input.proxyPassword ? encryptOptional(input.proxyPassword) : existing.proxyPasswordEnc,
  };
  for (const [column, field] of [["secretAccessKeyEnc", "secretAccessKey"], ["sessionTokenEnc", "sessionToken"], ["proxyPasswordEnc", "proxyPassword"]] as const) {
    if (secrets[column] !== existing[column]) changed.push(field);
  }
  const dropMfa = keyChanged || before.mfaSerial !== after.mfaSerial;
  await getDb().connection.update({
    where: { id },
    data: {
      name: input.name,
      config: JSON.stringify(after),
      ...secrets,
      ...(dropMfa ? { mfaSessionEnc: null, mfaSessionExpiresAt: null } : {}),
      schedule: input.schedule || null,
      ...(changed.length ? { configChangedAt: new Date() } : {}),
    },
  });
  await recordAuditEvent({
    action: AUDIT_CONNECTION.updated,
    actor,
    ip,
    targetType: "connection",
    targetId: id,
    target: input.name,
    details: { fields: [...new Set(changed)].sort() },
  });
}

export async function deleteConnection(id: string, { actor, ip }: Context) {
  const existing = await getDb().connection.findUnique({ where: { id }, select: { name: true } });
  if (!existing) throw new NotFoundError("Connection not found");
  await getDb().connection.delete({ where: { id } });
  await recordAuditEvent({ action: AUDIT_CONNECTION.deleted, actor, ip, targetType: "connection", targetId: id, target: existing.name });
}
