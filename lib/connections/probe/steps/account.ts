import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import { resolveRegions } from "../../../aws/regions";
import type { AccountTarget } from "../../../aws/targets";
import { regionalActions } from "../../policies/actions";
import type { ProbeContext } from "../context";
import { forEachLimited } from "../deadline";
import { inventoryCall, inventoryCheckLabel } from "../inventory-calls";

export type AccountResult = { accountId: string; name?: string; reachable: boolean };

// One account: reach it (assume the member role, or use the caller's own credentials), read its
// alias and enabled regions, then one cheap call per inventory API in each selected region.
export async function checkAccount(ctx: ProbeContext, target: AccountTarget): Promise<AccountResult> {
  const { session, log, settings } = ctx;
  const accountId = target.accountId;
  const result = { accountId, ...(target.name ? { name: target.name } : {}) };
  const reach = await log.check(
    {
      id: `account:${accountId}`,
      step: "account",
      accountId,
      label: target.roleArn ? `Assume ${target.roleArn}` : "Use the caller's own credentials (no role to assume)",
      action: target.roleArn ? "sts:AssumeRole" : "sts:GetCallerIdentity",
    },
    () => session.identity(session.accountCredentials(accountId), ctx.signal),
    (identity) => ({
      message: `Signed in as ${identity.arn}`,
      details: { arn: identity.arn, ...(target.name ? { accountName: target.name } : {}) },
    }),
  );
  if (!reach.ok) return { ...result, reachable: false };

  const home = session.homeRegion;
  const aliasCheck = log.check(
    {
      id: `api:${accountId}:global:iam:ListAccountAliases`,
      step: "api",
      accountId,
      region: "global",
      action: "iam:ListAccountAliases",
      label: "Account alias",
    },
    () =>
      session.call({ action: "iam:ListAccountAliases", region: "global" }, () =>
        session
          .client(IAMClient, { accountId, region: home })
          .send(new ListAccountAliasesCommand({}), { abortSignal: ctx.signal }),
      ),
    (out) => ({
      message: out.AccountAliases?.[0] ? `Alias ${out.AccountAliases[0]}` : "No alias set",
      details: { alias: out.AccountAliases?.[0] },
    }),
  );

  const regions = await log.check(
    {
      id: `regions:${accountId}`,
      step: "regions",
      accountId,
      region: home,
      action: "ec2:DescribeRegions",
      label: "Enabled regions",
    },
    () => resolveRegions(session, accountId, settings.regions, ctx.signal),
    (r) => ({
      ...(r.describeRegionsError
        ? {
            status: r.describeRegionsError.status,
            errorCode: r.describeRegionsError.errorCode,
            message: `${r.describeRegionsError.message} Checking the chosen regions as listed.`,
            hint: r.describeRegionsError.hint,
          }
        : {
            message: `${r.enabled.length} enabled${r.notEnabled.length ? `, ${r.notEnabled.length} not enabled` : ""}`,
          }),
      details: { enabled: r.enabled, notEnabled: r.notEnabled },
    }),
  );
  if (!regions.ok) {
    await aliasCheck;
    return { ...result, reachable: true };
  }
  const known = !regions.value.describeRegionsError;
  for (const region of regions.value.notEnabled) {
    log.emit({
      id: `region:${accountId}:${region}`,
      step: "regions",
      accountId,
      region,
      label: `Region ${region}`,
      status: "region-not-enabled",
      message: `${region} is not enabled for account ${accountId}: skipped, not an error`,
    });
  }
  await forEachLimited(regions.value.enabled, ctx.regionConcurrency, async (region) => {
    await Promise.all(
      regionalActions(settings.adapter, settings.collectSoftware).map((action) =>
        log.check(
          {
            id: `api:${accountId}:${region}:${action}`,
            step: "api",
            accountId,
            region,
            action,
            label: inventoryCheckLabel(action),
          },
          () =>
            session.call({ action, region, ...(known ? { regionEnabled: true } : {}) }, () =>
              inventoryCall(action)(session, { accountId, region }, ctx.signal),
            ),
          (count) => ({ details: { itemsInFirstPage: count } }),
        ),
      ),
    );
  });
  await aliasCheck;
  return { ...result, reachable: true };
}
