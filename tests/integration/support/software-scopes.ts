// What software collection (SSM Inventory, on by default for a new connection) adds to a run
// over the demo world, from the registry and the world's layout rather than copied numbers.
import { RESOURCE_LIST } from "@/lib/resources/registry";
import type { ResourceType } from "@/lib/resources/rows";
import { DEMO_SSM_INVENTORY_DENIED } from "@/simulator/src/index";

/** The SSM-read types: both fail in the cell where ssm:GetInventory is denied. */
export const SOFTWARE_TYPES: ResourceType[] = RESOURCE_LIST.filter((d) => d.software).map((d) => d.type);

/** Their IAM actions, as the generated policies and Test Connection list them. */
export const SOFTWARE_ACTIONS: string[] = [
  ...new Set(RESOURCE_LIST.filter((d) => d.software).flatMap((d) => [d.aws.read, ...d.aws.helpers])),
];

/** The demo cell whose member role lacks ssm:GetInventory. */
export const SSM_DENIED = DEMO_SSM_INVENTORY_DENIED.aws;
