import { SsmFleetCache } from "../resources/collect/ssm-fleet";
import { ImageCache } from "../resources/ec2-instance/image-cache";
import { InstanceTypeCache } from "../resources/ec2-instance/instance-types";
import { RESOURCES } from "../resources/registry";
import { commitScope, failScope, skipScope, type ExecutionContext } from "./execution-context";
import { createLimiter } from "./limiter";
import { toErrorInfo, type PlannedScope } from "./plan";
import { fetchWholeScope, type ScopeTally } from "./scope-runner";
import { scopeDeadline } from "./scope-deadline";

const regionKey = (scope: PlannedScope) => `${scope.accountId}|${scope.region}`;

type Options = { concurrency: number; perRegionConcurrency: number; scopeDeadlineMs: number; pageSize?: number };

// Direct adapter: fetches scopes in parallel (bounded globally and per account + region) and
// commits each one as soon as it has been read completely.
export async function executePlan(ctx: ExecutionContext, scopes: PlannedScope[], options: Options): Promise<void> {
  const global = createLimiter(options.concurrency);
  const perRegion = new Map<string, ReturnType<typeof createLimiter>>();
  const images = new ImageCache();
  const instanceTypes = new InstanceTypeCache();
  // SSM reads shared by a cell's managed-node and installed-software scopes (ssm-fleet.ts).
  const ssm = new SsmFleetCache();
  const pending = new Map<string, number>();
  for (const scope of scopes) pending.set(regionKey(scope), (pending.get(regionKey(scope)) ?? 0) + 1);
  const regionLimiter = (scope: PlannedScope) => {
    const key = regionKey(scope);
    if (!perRegion.has(key)) perRegion.set(key, createLimiter(options.perRegionConcurrency));
    return perRegion.get(key)!;
  };

  await Promise.all(
    scopes.map((scope) =>
      global(() =>
        regionLimiter(scope)(async () => {
          const startedAt = new Date();
          if (ctx.runSignal.aborted) return skipScope(ctx, scope, startedAt);
          const { signal, clear } = scopeDeadline(ctx.runSignal, options.scopeDeadlineMs);
          const tally: ScopeTally = { requests: 0, reads: 0 };
          try {
            const fetched = await fetchWholeScope(ctx.session, scope, {
              signal,
              images,
              instanceTypes,
              ssm,
              pageSize: options.pageSize,
              tally,
            });
            await commitScope(ctx, scope, fetched.rows, {
              pages: fetched.pages,
              requests: fetched.requests,
              startedAt,
            });
          } catch (error) {
            // Cancelled or out of run time: not AWS's failure, and nothing was committed.
            if (ctx.runSignal.aborted) return skipScope(ctx, scope, startedAt);
            const timedOut = signal.aborted && !ctx.runSignal.aborted;
            const info = timedOut
              ? {
                  status: "error" as const,
                  errorCode: "ScopeDeadlineExceeded",
                  action: RESOURCES[scope.resourceType].aws.read,
                  message: `The scope did not finish within ${Math.round(options.scopeDeadlineMs / 1000)} s.`,
                  hint: "AWS answered too slowly; the previous data is kept.",
                }
              : toErrorInfo(error, ctx.session, RESOURCES[scope.resourceType].aws.read);
            await failScope(ctx, scope, info, startedAt, tally);
          } finally {
            clear();
            const left = pending.get(regionKey(scope))! - 1;
            pending.set(regionKey(scope), left);
            if (left === 0) ctx.session.releaseClients(scope);
          }
        }),
      ),
    ),
  );
}
