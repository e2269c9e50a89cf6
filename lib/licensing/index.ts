// lib/licensing: licence facts derived from AWS fields (pure, no I/O): what an EC2
// instance is licensed for, RDS licence models, default CPU topologies, Oracle counts; software
// recognition from SSM Inventory (recognition/) and the explainable licence engine (engine/), whose
// every number lives in rule-parameters.ts.
export { decodeUsageOperation, type DecodedLicence } from "./usage-operation";
export { rdsLicenceModel } from "./rds-licence-model";
export { dbInstanceClassFacts, instanceTypeFacts, type CpuFacts } from "./instance-type-facts";
export { oracleEdition, oracleProcessorLicences, type OracleEdition, type OracleLicences } from "./oracle";
export {
  oracleRdsTotals,
  type OracleDbInput,
  type OracleRdsTotals,
  type OracleStandbyTally,
  type OracleTally,
} from "./oracle-rds-totals";
export { RULE_PARAMETERS, ruleParameters, type RuleParameters } from "./rule-parameters";
export { PRODUCT_NAMES, type ProductId } from "./products";
export * from "./recognition";
export * from "./engine";
