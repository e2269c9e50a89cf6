import {
  AwsCallError,
  discoverAccounts,
  resolveRegions,
  type AccountTarget,
  type AwsErrorInfo,
  type AwsSession,
} from "../aws";
import type { AwsConnectionSettings } from "../aws/settings";
import { excludedScopeKeys, isExcluded } from "../coverage/exclusions";
import { collectedTypes } from "../resources/registry";
import { RESOURCE_TYPES, type ResourceType } from "../resources/rows";

export type AccountPlan = {
  target: AccountTarget;
  regions: string[];
  notEnabled: string[];
  // The account could not be reached (role not assumable, DescribeRegions failed): every scope
  // it had before is marked stale, none is touched.
  error?: AwsErrorInfo;
};

// `types`: what the connection collects (the SSM types only with software collection on);
// absent, every registered type.
export type CollectionPlan = { accounts: AccountPlan[]; warnings: string[]; types?: ResourceType[] };
export type PlannedScope = { accountId: string; region: string; resourceType: ResourceType };

export function toErrorInfo(error: unknown, session: AwsSession, action: string): AwsErrorInfo {
  return error instanceof AwsCallError ? error.info : session.classify(error, { action });
}

// Resolves the connection's target accounts (per its account mode) and, for each, the regions
// to read (chosen, or every enabled region; not-opted-in regions are skipped and recorded).
// Discovery failing is the run failing; one account failing is that account's scopes failing.
export async function planCollection(
  session: AwsSession,
  settings: AwsConnectionSettings,
  signal: AbortSignal,
  limit: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<CollectionPlan> {
  const discovery = await discoverAccounts(session, settings.accounts);
  const accounts = await Promise.all(
    discovery.targets.map((target) =>
      limit(async (): Promise<AccountPlan> => {
        try {
          const resolution = await resolveRegions(session, target.accountId, settings.regions, signal);
          return { target, regions: resolution.enabled, notEnabled: resolution.notEnabled };
        } catch (error) {
          return { target, regions: [], notEnabled: [], error: toErrorInfo(error, session, "ec2:DescribeRegions") };
        }
      }),
    ),
  );
  return { accounts, warnings: discovery.warnings, types: collectedTypes(settings) };
}

export function scopesOf(
  plan: CollectionPlan,
  types: readonly ResourceType[] = RESOURCE_TYPES,
  excluded: Set<string> = new Set(),
): PlannedScope[] {
  return plan.accounts.flatMap((account) =>
    account.regions.flatMap((region) =>
      types
        .map((resourceType) => ({ accountId: account.target.accountId, region, resourceType }))
        .filter((scope) => !isExcluded(excluded, scope)),
    ),
  );
}

// The scopes a run reads: every planned one except those an admin excluded from this connection
// (a known gap, e.g. an SCP denies it): never called, so neither planned nor failed.
export async function plannedScopes(connectionId: string, plan: CollectionPlan): Promise<PlannedScope[]> {
  return scopesOf(plan, plan.types ?? RESOURCE_TYPES, await excludedScopeKeys(connectionId));
}
