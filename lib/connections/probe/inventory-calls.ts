import { probeCall } from "../../resources/probes";
import type { ProbeCall } from "../../resources/probe-call";
import { RESOURCE_LIST } from "../../resources/registry";

// One cheap call per inventory action, from each resource type's probe (lib/resources/<type>/probe.ts):
// enough to prove the permission without reading the inventory.
export function inventoryCall(action: string): ProbeCall {
  const call = probeCall(action);
  if (!call) throw new Error(`No Test Connection call for ${action}`);
  return call;
}

// The checklist names a check by what the action reads: the types it lists, or those whose
// fields it fills in (AMI names, CPU defaults).
export function inventoryCheckLabel(action: string): string {
  const titles = (listed: (aws: (typeof RESOURCE_LIST)[number]["aws"]) => boolean) =>
    RESOURCE_LIST.filter((definition) => listed(definition.aws)).map((definition) => definition.labels.title);
  const lists = titles((aws) => aws.read === action);
  if (lists.length) return lists.join(", ");
  const helps = titles((aws) => aws.helpers.includes(action));
  return helps.length ? `Helper for ${helps.join(", ")}` : action;
}
