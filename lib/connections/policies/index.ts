export { generatePolicies } from "./generate-policies";
export type { ChainRolePolicies, GeneratedPolicies, PolicyDocument, PolicyOptions, PolicyStatement } from "./types";
export {
  ACCOUNT_ACTIONS,
  CONFIG_AGGREGATOR_ACTIONS,
  DIRECT_REGIONAL_ACTIONS,
  CONFIG_REGIONAL_ACTIONS,
  IAM_DISCOVERY_ACTIONS,
  ORGANIZATIONS_DISCOVERY_ACTIONS,
  memberActions,
  regionalActions,
} from "./actions";
