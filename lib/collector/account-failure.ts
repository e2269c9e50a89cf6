import type { AwsErrorInfo } from "../aws";
import type { Tx } from "./jobs/fenced-write";
import { excludedScopeKeys, isExcluded } from "../coverage/exclusions";
import { createScopeRecords } from "./runs/scope-records";
import { knownScopes, markScopeFailed } from "./store/scope-state";

// An account that cannot be reached (its role cannot be assumed, DescribeRegions fails): every
// scope it had in earlier runs is marked stale with this error, and its rows stay untouched.
// Returns how many scopes failed. Scopes an admin excluded are not this run's: left out.
export async function markAccountUnreachable(
  connectionId: string,
  runId: string,
  accountId: string,
  error: AwsErrorInfo,
  tx: Tx,
): Promise<number> {
  const excluded = await excludedScopeKeys(connectionId);
  const scopes = (await knownScopes(connectionId, accountId)).filter((scope) => !isExcluded(excluded, scope));
  for (const scope of scopes) await markScopeFailed(scope, runId, error.errorCode, new Date(), tx);
  const records = scopes.length
    ? scopes.map((scope) => ({
        accountId,
        region: scope.region,
        resourceType: scope.resourceType,
        status: "failed" as const,
        error,
      }))
    : [{ accountId, region: "global", resourceType: "account" as never, status: "failed" as const, error }];
  await createScopeRecords(runId, records, tx);
  return records.length;
}
