import "server-only";
import { AUDIT_CONNECTION } from "./audit-actions";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { retireSightings } from "../collector/store/retire-sightings";
import { cancelRunsOfConnection } from "../collector/run-controls";
import { getDb } from "../db";
import { NotFoundError, ValidationError } from "../errors";
import { connectionInputSchema, toStoredConfig, type ConnectionInput } from "./schemas";
import { adoptKeptTest } from "./record-test";
import { encryptOptional } from "./secret-columns";
import { awsDestinationKept, proxyDestinationKept, secretsToReenter } from "./secret-destination";
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
  const keptTest = await adoptKeptTest(connection.id);
  await recordAuditEvent({
    action: AUDIT_CONNECTION.created,
    actor,
    ip,
    targetType: "connection",
    targetId: connection.id,
    target: connection.name,
    details: { fields: Object.keys(toStoredConfig(input)).sort(), ...(keptTest ? { keptTest } : {}) },
  });
  return connection;
}

// A blank secret keeps the stored one while its destination is unchanged; an edit that moves
// the endpoint, proxy, partition or key ID must type the secrets again (secret-destination.ts),
// and drops the stored MFA session, which belonged to the old identity.
export async function updateConnection(id: string, raw: unknown, { actor, ip }: Context) {
  const input = parseInput(connectionInputSchema, raw);
  const existing = await getDb().connection.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError("Connection not found");
  const before = JSON.parse(existing.config) as Record<string, unknown>;
  const after = toStoredConfig(input) as Record<string, unknown>;
  const destination = before as Parameters<typeof awsDestinationKept>[0];
  const stored = {
    secretAccessKey: !!existing.secretAccessKeyEnc,
    sessionToken: !!existing.sessionTokenEnc,
    proxyPassword: !!existing.proxyPasswordEnc,
  };
  const missing = secretsToReenter(destination, input, stored);
  if (Object.keys(missing).length)
    throw new ValidationError("The destination changed: enter the stored secrets again", missing);
  requireSecret(input, existing.secretAccessKeyEnc !== null);
  await assertNameFree(input.name, id);

  const changed = Object.keys({ ...before, ...after }).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (existing.name !== input.name) changed.push("name");
  const awsKept = awsDestinationKept(destination, input);
  const keep = (column: string | null, kept: boolean) => (kept ? column : null);
  const accessKey = input.credentialSource === "access-key";
  const secrets = {
    secretAccessKeyEnc: !accessKey
      ? null
      : input.secretAccessKey
        ? encryptOptional(input.secretAccessKey)
        : keep(existing.secretAccessKeyEnc, awsKept),
    sessionTokenEnc:
      !accessKey || input.clearSessionToken
        ? null
        : input.sessionToken
          ? encryptOptional(input.sessionToken)
          : keep(existing.sessionTokenEnc, awsKept),
    proxyPasswordEnc:
      !input.proxyUrl || input.clearProxyPassword
        ? null
        : input.proxyPassword
          ? encryptOptional(input.proxyPassword)
          : keep(existing.proxyPasswordEnc, proxyDestinationKept(destination, input)),
  };
  for (const [column, field] of [
    ["secretAccessKeyEnc", "secretAccessKey"],
    ["sessionTokenEnc", "sessionToken"],
    ["proxyPasswordEnc", "proxyPassword"],
  ] as const) {
    if (secrets[column] !== existing[column]) changed.push(field);
  }
  const dropMfa = !awsKept || before.mfaSerial !== after.mfaSerial;
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
  const keptTest = await adoptKeptTest(id);
  await recordAuditEvent({
    action: AUDIT_CONNECTION.updated,
    actor,
    ip,
    targetType: "connection",
    targetId: id,
    target: input.name,
    details: { fields: [...new Set(changed)].sort(), ...(keptTest ? { keptTest } : {}) },
  });
}

// Deleting a connection ends its sightings: resources no other connection sees leave the live
// inventory as out of scope (their history stays until the connection's history is purged).
export async function deleteConnection(id: string, { actor, ip }: Context) {
  const existing = await getDb().connection.findUnique({ where: { id }, select: { name: true } });
  if (!existing) throw new NotFoundError("Connection not found");
  await cancelRunsOfConnection(id);
  const retired = await retireSightings(id, "connection-deleted");
  await getDb().$transaction([
    getDb().scopeState.deleteMany({ where: { connectionId: id } }),
    getDb().scopeExclusion.deleteMany({ where: { connectionId: id } }),
    getDb().connection.delete({ where: { id } }),
  ]);
  await recordAuditEvent({
    action: AUDIT_CONNECTION.deleted,
    actor,
    ip,
    targetType: "connection",
    targetId: id,
    target: existing.name,
    details: { resourcesLeavingInventory: retired.resourcesRetired },
  });
}
