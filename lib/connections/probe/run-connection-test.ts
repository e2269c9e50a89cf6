import { classifyAwsError } from "../../aws/errors";
import { parseProxyUrl } from "../../aws/proxy";
import { type AwsSession, createAwsSession } from "../../aws/session";
import type { AwsConnectionSettings } from "../../aws/settings";
import type { AccountTarget } from "../../aws/targets";
import { CheckLog } from "./check-log";
import type { ProbeContext } from "./context";
import { deadlineSignal, forEachLimited } from "./deadline";
import { outcomeOf } from "./outcome";
import { type AccountResult, checkAccount } from "./steps/account";
import { checkAggregator } from "./steps/aggregator";
import { checkDiscovery } from "./steps/discovery";
import { checkIdentityAndChain } from "./steps/identity";
import { checkMfa } from "./steps/mfa";
import type { ConnectionTestOptions, ConnectionTestReport } from "./types";

const DEFAULT_DEADLINE_MS = 60_000;

// Test Connection: MFA, identity, role chain, discovery, then every account (bounded by the
// connection's concurrency) and the Config aggregator, streaming each check as it runs. Never
// throws for AWS problems: they are the report. Every call is bounded by the request timeout and
// the whole test by the deadline.
export async function runConnectionTest(
  settings: AwsConnectionSettings,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestReport> {
  const startedAt = new Date();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const signal = deadlineSignal(deadlineMs, options.signal);
  const deadlineMessage = `The test stopped after ${Math.round(deadlineMs / 1000)} s before this check finished`;
  const proxy = settings.proxy ? parseProxyUrl(settings.proxy.url) : undefined;
  let session: AwsSession | undefined;
  const log = new CheckLog(
    options.onEvent,
    signal,
    (error, base) => classifyAwsError(error, { action: base.action ?? "", region: base.region }),
    deadlineMessage,
  );
  const report = (extra: Partial<ConnectionTestReport>, accounts: AccountResult[] = []): ConnectionTestReport => {
    const events = log.events();
    return {
      outcome: outcomeOf(events, accounts.filter((a) => a.reachable).length),
      startedAt,
      finishedAt: new Date(),
      events,
      accounts: accounts.map((a) => ({
        accountId: a.accountId,
        ...(a.name ? { name: a.name } : {}),
        ok: a.reachable && accountHealthy(events, a.accountId),
      })),
      ...extra,
    };
  };

  if (proxy && !proxy.ok) {
    log.emit({
      id: "proxy",
      step: "identity",
      label: "Proxy",
      status: "proxy-error",
      errorCode: "InvalidProxyUrl",
      message: proxy.error,
      hint: "Fix the proxy address in the connection settings.",
    });
    return report({});
  }
  try {
    const mfa = await checkMfa(log, settings, {
      mfaCode: options.mfaCode,
      durationSeconds: options.mfaSessionDurationSeconds,
      signal,
      now: Date.now(),
    });
    if (!mfa.ok) return report({});
    const mfaSession = mfa.newSession ? { mfaSession: mfa.newSession } : {};
    session = createAwsSession(mfa.settings, sessionOptions(options));
    log.classifyWith(session);
    const ctx: ProbeContext = {
      settings: mfa.settings,
      session,
      log,
      signal,
      regionConcurrency: options.regionConcurrency ?? 4,
    };

    const identity = await checkIdentityAndChain(ctx);
    if (!identity.ok) return report({ callerArn: identity.callerArn, ...mfaSession });
    const arns = { callerArn: identity.callerArn, effectiveArn: identity.effectiveArn };

    const targets = await checkDiscovery(ctx);
    if (!targets) return report({ ...arns, ...mfaSession });

    const accounts: AccountResult[] = [];
    await Promise.all([checkAggregator(ctx), checkAccounts(ctx, targets, accounts)]);
    return report({ ...arns, ...mfaSession }, order(accounts, targets));
  } finally {
    session?.destroy();
  }
}

async function checkAccounts(ctx: ProbeContext, targets: AccountTarget[], out: AccountResult[]): Promise<void> {
  await forEachLimited(targets, Math.max(1, ctx.settings.concurrency), async (target) => {
    out.push(await checkAccount(ctx, target));
  });
}

function order(accounts: AccountResult[], targets: AccountTarget[]): AccountResult[] {
  return targets.map(
    (t) => accounts.find((a) => a.accountId === t.accountId) ?? { accountId: t.accountId, reachable: false },
  );
}

function accountHealthy(events: ConnectionTestReport["events"], accountId: string): boolean {
  return events
    .filter((e) => e.accountId === accountId)
    .every((e) => e.status === "ok" || e.status === "region-not-enabled" || e.status === "skipped");
}

function sessionOptions(options: ConnectionTestOptions) {
  return {
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 5_000,
    maxAttempts: options.maxAttempts ?? 2,
    retryMode: "standard" as const,
  };
}
