// DescribeInstanceInformation: the managed nodes of the caller's account and region (MaxResults
// 5-50), filtered by Filters (or the legacy InstanceInformationFilterList, never both).
import { ApiError } from "../../protocols/errors";
import type { Ec2Instance } from "../../world/types";
import type { CallContext } from "../context";
import { agentInstances, maxResultsOf, nowMs, ssmPage, validationError } from "./common";
import { platformType } from "./inventory-data";

interface NodeFilter {
  key: string;
  values: string[];
}

const pingStatus = (i: Ec2Instance) => (i.State.Name === "running" ? i.Ssm!.PingStatus : "ConnectionLost");

/** Each filter key and the node's values it matches on (empty: nothing matches). */
const KEYS: Record<string, (i: Ec2Instance) => string[]> = {
  InstanceIds: (i) => [i.InstanceId],
  AgentVersion: (i) => [i.Ssm!.AgentVersion],
  PingStatus: (i) => [pingStatus(i)],
  PlatformTypes: (i) => [platformType(i)],
  ResourceType: () => ["EC2Instance"],
  SourceIds: (i) => [i.InstanceId],
  SourceTypes: () => ["AWS::EC2::Instance"],
  // Hybrid activations, instance roles of hybrid nodes and associations are not simulated.
  ActivationIds: () => [],
  IamRole: () => [],
  AssociationStatus: () => [],
};

/** Values AWS checks up front for the enumerated keys. */
const ALLOWED: Record<string, string[]> = {
  PingStatus: ["Online", "ConnectionLost", "Inactive"],
  PlatformTypes: ["Windows", "Linux", "MacOS"],
  ResourceType: ["EC2Instance", "ManagedInstance"],
};

function valuesOf(i: Ec2Instance, key: string): string[] {
  if (key === "tag-key") return i.Tags.map((t) => t.Key);
  if (key.startsWith("tag:")) return i.Tags.filter((t) => t.Key === key.slice(4)).map((t) => t.Value);
  return KEYS[key](i);
}

function parseFilters(ctx: CallContext): NodeFilter[] {
  const modern = ctx.input.Filters as { Key?: string; Values?: string[] }[] | undefined;
  const legacy = ctx.input.InstanceInformationFilterList as { key?: string; valueSet?: string[] }[] | undefined;
  if (modern?.length && legacy?.length)
    throw validationError("Filters and InstanceInformationFilterList cannot be used together.");
  const filters: NodeFilter[] = [
    ...(modern ?? []).map((f) => ({ key: f.Key ?? "", values: f.Values ?? [] })),
    ...(legacy ?? []).map((f) => ({ key: f.key ?? "", values: f.valueSet ?? [] })),
  ];
  for (const f of filters) {
    const isTag = f.key === "tag-key" || (f.key.startsWith("tag:") && f.key.length > 4);
    // The legacy list knows no tags.
    if ((!KEYS[f.key] && !isTag) || (isTag && legacy?.length))
      throw new ApiError("InvalidFilterKey", `The filter key ${f.key} isn't valid.`, 400);
    if (!Array.isArray(f.values) || f.values.length === 0 || f.values.length > 100)
      throw new ApiError("InvalidInstanceInformationFilterValue", `The filter ${f.key} needs 1 to 100 values.`, 400);
    const allowed = ALLOWED[f.key];
    const bad = allowed && f.values.find((v) => !allowed.includes(v));
    if (bad) throw new ApiError("InvalidInstanceInformationFilterValue", `${bad} is not a valid ${f.key} value.`, 400);
    if (f.key === "InstanceIds") {
      const badId = f.values.find((v) => !/^(i|mi)-[0-9a-f]{8,17}$/.test(v));
      if (badId) throw new ApiError("InvalidInstanceId", `Instance Id ${badId} is not valid.`, 400);
    }
  }
  return filters;
}

/** Pings every 5 minutes: the time steps by 5 minutes, so paging through the list sees one value. */
function lastPing(i: Ec2Instance, now: number): number {
  const t = Math.floor(now / 1000) - i.Ssm!.LastPingSecondsAgo;
  return t - (t % 300);
}

export function describeInstanceInformation(ctx: CallContext) {
  ctx.authorize("ssm:DescribeInstanceInformation", "*");
  const max = maxResultsOf(ctx, 5, 50);
  const filters = parseFilters(ctx);
  // Terminated instances deregister from SSM; stopped ones stay, with the connection lost.
  const nodes = agentInstances(ctx).filter(
    (i) =>
      i.State.Name !== "terminated" &&
      i.State.Name !== "shutting-down" &&
      filters.every((f) => valuesOf(i, f.key).some((v) => f.values.includes(v))),
  );
  const page = ssmPage(ctx, nodes, max, "DescribeInstanceInformation", filters);
  const now = nowMs(ctx);
  return {
    InstanceInformationList: page.items.map((i) => ({
      InstanceId: i.InstanceId,
      PingStatus: pingStatus(i),
      LastPingDateTime: lastPing(i, now),
      AgentVersion: i.Ssm!.AgentVersion,
      IsLatestVersion: false,
      PlatformType: platformType(i),
      PlatformName: i.Ssm!.PlatformName,
      PlatformVersion: i.Ssm!.PlatformVersion,
      ResourceType: "EC2Instance",
      IPAddress: i.PrivateIpAddress,
      ComputerName: i.Ssm!.ComputerName,
      SourceId: i.InstanceId,
      SourceType: "AWS::EC2::Instance",
    })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
