import "server-only";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import type { ExcludeScopeInput, ScopeRef } from "./schemas";

const scopeKey = (scope: { accountId: string; region: string; resourceType: string }) =>
  `${scope.accountId}|${scope.region}|${scope.resourceType}`;

// The planner's filter: scopes an admin excluded are not called, planned, or counted as failed.
export async function excludedScopeKeys(connectionId: string): Promise<Set<string>> {
  const rows = await getDb().scopeExclusion.findMany({
    where: { connectionId },
    select: { accountId: true, region: true, resourceType: true },
  });
  return new Set(rows.map(scopeKey));
}

export function isExcluded(
  excluded: Set<string>,
  scope: { accountId: string; region: string; resourceType: string },
): boolean {
  return excluded.has(scopeKey(scope));
}

async function connectionOrThrow(connectionId: string) {
  const connection = await getDb().connection.findUnique({
    where: { id: connectionId },
    select: { id: true, name: true },
  });
  if (!connection) throw new NotFoundError("Connection not found");
  return connection;
}

const where = (scope: ScopeRef) => ({
  connectionId_accountId_region_resourceType: {
    connectionId: scope.connectionId,
    accountId: scope.accountId,
    region: scope.region,
    resourceType: scope.resourceType,
  },
});
const auditScope = (scope: ScopeRef) => ({
  accountId: scope.accountId,
  region: scope.region,
  resourceType: scope.resourceType,
});

// Excluding again replaces the reason, and who and when.
export async function excludeScope(
  input: ExcludeScopeInput,
  actor: NonNullable<AuditActor>,
  ip: string | null,
): Promise<void> {
  const connection = await connectionOrThrow(input.connectionId);
  const data = { reason: input.reason, createdById: actor.id, createdByEmail: actor.email, createdAt: new Date() };
  await getDb().scopeExclusion.upsert({
    where: where(input),
    create: { ...auditScope(input), connectionId: input.connectionId, ...data },
    update: data,
  });
  await recordAuditEvent({
    action: AUDIT.coverageScopeExcluded,
    actor,
    ip,
    targetType: "connection",
    targetId: connection.id,
    target: connection.name,
    details: { ...auditScope(input), reason: input.reason },
  });
}

export async function includeScope(input: ScopeRef, actor: NonNullable<AuditActor>, ip: string | null): Promise<void> {
  const connection = await connectionOrThrow(input.connectionId);
  const { count } = await getDb().scopeExclusion.deleteMany({
    where: where(input).connectionId_accountId_region_resourceType,
  });
  if (count === 0) throw new NotFoundError("That scope is not excluded");
  await recordAuditEvent({
    action: AUDIT.coverageScopeIncluded,
    actor,
    ip,
    targetType: "connection",
    targetId: connection.id,
    target: connection.name,
    details: auditScope(input),
  });
}
