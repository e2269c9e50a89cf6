// lib/licensing: licence facts derived from AWS fields (pure, no I/O): what an EC2
// instance is licensed for, RDS licence models, default CPU topologies, Oracle counts.
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
