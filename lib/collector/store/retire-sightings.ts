import { getDatabaseTarget, getDb } from "../../db";
import { RESOURCES } from "../../resources/registry";
import { RESOURCE_TYPES, type ResourceType } from "../../resources/rows";
import { batches, type Dialect, insertSql } from "./bulk-sql";
import { newRowId } from "./row-id";

// Why a connection stopped seeing a resource without AWS removing it.
export type ExitReason = "out-of-scope" | "connection-deleted";

// A part of a connection's coverage that it no longer covers: an account (every region and
// type), an account's region, or one account x region x type.
export type CoverageExit = { accountId: string; region?: string; resourceType?: ResourceType };

export type RetireResult = { sightingsEnded: number; resourcesRetired: number };

type RawTx = {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<R = unknown>(sql: string, ...values: unknown[]): Promise<R>;
};

// Ends a connection's live sightings in the given parts of its coverage (all of it when none
// are given). Resources no other connection still sees leave the live inventory as
// "out-of-scope": removedAt with that reason and an event, the row and its history kept. This
// is not "removed in AWS": nobody looked.
export async function retireSightings(
  connectionId: string,
  reason: ExitReason,
  exits?: CoverageExit[],
  now = new Date(),
): Promise<RetireResult> {
  if (exits && !exits.length) return { sightingsEnded: 0, resourcesRetired: 0 };
  const dialect: Dialect = getDatabaseTarget().provider;
  const when = dialect === "sqlite" ? now.toISOString().replace("Z", "+00:00") : now;
  const result: RetireResult = { sightingsEnded: 0, resourcesRetired: 0 };
  await getDb().$transaction(
    async (client) => {
      const tx = client as unknown as RawTx;
      for (const resourceType of RESOURCE_TYPES) {
        const parts = (exits ?? [{ accountId: undefined }]).filter(
          (exit) => !("resourceType" in exit) || !exit.resourceType || exit.resourceType === resourceType,
        );
        if (!parts.length) continue;
        const { where, values } = sightingWhere(dialect, 0, connectionId, resourceType, parts as CoverageExit[]);
        const forUpdate = sightingWhere(dialect, 2, connectionId, resourceType, parts as CoverageExit[]);
        const { table, idField } = RESOURCES[resourceType].store;
        // Before ending them: the resources that only this connection still sees.
        const orphans = await tx.$queryRawUnsafe<
          { id: string; accountId: string; region: string; resourceId: string }[]
        >(
          `SELECT r."id", r."accountId", r."region", r."${idField}" AS "resourceId" FROM "${table}" r JOIN "Sighting" s ON s."resourceType" = '${resourceType}' AND s."accountId" = r."accountId" AND s."region" = r."region" AND s."resourceId" = r."${idField}"
           WHERE ${where} AND r."removedAt" IS NULL AND ${NO_OTHER_LIVE_SIGHTING}`,
          ...values,
        );
        result.sightingsEnded += await tx.$executeRawUnsafe(
          `UPDATE "Sighting" SET "endedAt" = ${param(dialect, 1)}, "endReason" = ${param(dialect, 2)} WHERE ${forUpdate.where.replaceAll("s.", "")}`,
          when,
          reason,
          ...forUpdate.values,
        );
        for (const part of batches(orphans, 1, 30_000, 1_000)) {
          const ids = part.map((row) => row.id);
          await tx.$executeRawUnsafe(
            `UPDATE "${table}" SET "removedAt" = ${param(dialect, 1)}, "removedReason" = 'out-of-scope' WHERE "id" IN (${ids.map((_, i) => param(dialect, i + 2)).join(",")})`,
            when,
            ...ids,
          );
        }
        const events = orphans.map((row) => ({
          id: newRowId(),
          at: when,
          runId: reason,
          connectionId,
          resourceType,
          accountId: row.accountId,
          region: row.region,
          resourceId: row.resourceId,
          kind: "out-of-scope",
          changes: JSON.stringify([{ field: "reason", from: null, to: reason }]),
        }));
        for (const part of batches(events, 10, 30_000, 500)) {
          const columns = Object.keys(part[0]);
          await tx.$executeRawUnsafe(
            insertSql(dialect, "ChangeEvent", columns, part.length),
            ...part.flatMap((event) => columns.map((column) => event[column as keyof typeof event])),
          );
        }
        result.resourcesRetired += orphans.length;
      }
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  return result;
}

// How many live resources only this connection sees: what deleting it takes out of the live
// inventory (the delete confirmation says so).
export async function countSeenOnlyBy(connectionId: string): Promise<number> {
  const dialect: Dialect = getDatabaseTarget().provider;
  let total = 0;
  for (const resourceType of RESOURCE_TYPES) {
    const { table, idField } = RESOURCES[resourceType].store;
    const { where, values } = sightingWhere(dialect, 0, connectionId, resourceType, [{ accountId: "" }]);
    const [row] = await getDb().$queryRawUnsafe<{ count: number | bigint }[]>(
      `SELECT COUNT(*) AS "count" FROM "${table}" r JOIN "Sighting" s ON s."resourceType" = '${resourceType}' AND s."accountId" = r."accountId" AND s."region" = r."region" AND s."resourceId" = r."${idField}"
       WHERE ${where} AND r."removedAt" IS NULL AND ${NO_OTHER_LIVE_SIGHTING}`,
      ...values,
    );
    total += Number(row?.count ?? 0);
  }
  return total;
}

const NO_OTHER_LIVE_SIGHTING = `NOT EXISTS (SELECT 1 FROM "Sighting" o WHERE o."resourceType" = s."resourceType" AND o."accountId" = s."accountId" AND o."region" = s."region" AND o."resourceId" = s."resourceId" AND o."connectionId" <> s."connectionId" AND o."endedAt" IS NULL)`;

function param(dialect: Dialect, n: number): string {
  return dialect === "postgresql" ? `$${n}` : "?";
}

// The connection's live sightings of one type in the given parts of its coverage, as a
// condition on the alias `s` (the UPDATE strips the alias); its parameters are numbered from
// offset + 1, so they follow any that come before them in the statement's text.
function sightingWhere(
  dialect: Dialect,
  offset: number,
  connectionId: string,
  resourceType: ResourceType,
  exits: CoverageExit[],
) {
  const values: unknown[] = [connectionId, resourceType];
  const next = () => param(dialect, offset + values.length);
  const conditions: string[] = [];
  for (const exit of exits) {
    if (!exit.accountId) continue;
    values.push(exit.accountId);
    let condition = `s."accountId" = ${next()}`;
    if (exit.region) {
      values.push(exit.region);
      condition += ` AND s."region" = ${next()}`;
    }
    conditions.push(`(${condition})`);
  }
  const scope = conditions.length ? ` AND (${conditions.join(" OR ")})` : "";
  return {
    where: `s."connectionId" = ${param(dialect, offset + 1)} AND s."resourceType" = ${param(dialect, offset + 2)} AND s."endedAt" IS NULL${scope}`,
    values,
  };
}
