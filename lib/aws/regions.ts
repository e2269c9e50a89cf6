import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { AwsCallError, type AwsErrorInfo } from "./error-types";
import type { AwsSession } from "./session";
import type { RegionSelection } from "./settings";

export type RegionResolution = {
  enabled: string[];
  notEnabled: string[];
  /** List mode only: DescribeRegions failed (e.g. denied), so the list is used as given. */
  describeRegionsError?: AwsErrorInfo;
};

const ENABLED = new Set(["opt-in-not-required", "opted-in"]);

// Which regions to read in one account. DescribeRegions without AllRegions hides regions the
// account has not enabled; with it, opt-in-status tells them apart. Calls in a not-enabled
// region fail with AuthFailure, so they are never attempted.
export async function resolveRegions(
  session: AwsSession,
  accountId: string,
  selection: RegionSelection,
  abortSignal?: AbortSignal,
): Promise<RegionResolution> {
  let regions: { name: string; enabled: boolean }[];
  try {
    regions = await describeAllRegions(session, accountId, abortSignal);
  } catch (error) {
    const info =
      error instanceof AwsCallError
        ? error.info
        : session.classify(error, { action: "ec2:DescribeRegions", region: session.homeRegion });
    // Only a denial is worked around: without DescribeRegions the chosen list is still usable.
    if (selection.mode === "all-enabled" || info.status !== "denied") throw error;
    return { enabled: [...selection.regions], notEnabled: [], describeRegionsError: info };
  }
  if (selection.mode === "all-enabled") {
    return {
      enabled: regions.filter((r) => r.enabled).map((r) => r.name),
      notEnabled: regions.filter((r) => !r.enabled).map((r) => r.name),
    };
  }
  const status = new Map(regions.map((r) => [r.name, r.enabled]));
  // A listed region DescribeRegions does not know is not usable in this account either.
  return {
    enabled: selection.regions.filter((r) => status.get(r) === true),
    notEnabled: selection.regions.filter((r) => status.get(r) !== true),
  };
}

async function describeAllRegions(session: AwsSession, accountId: string, abortSignal?: AbortSignal) {
  const ec2 = session.client(EC2Client, { accountId, region: session.homeRegion });
  const out = await session.call({ action: "ec2:DescribeRegions", region: session.homeRegion }, () =>
    ec2.send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal }),
  );
  return (out.Regions ?? [])
    .filter((r) => r.RegionName)
    .map((r) => ({ name: r.RegionName!, enabled: ENABLED.has(r.OptInStatus ?? "opt-in-not-required") }));
}
