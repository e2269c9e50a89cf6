// The licence engine: requirement lines per EC2 instance, dedicated host and RDS DB instance, each
// with its rule id and arithmetic; every number comes from rule-parameters.ts.
export type {
  Basis,
  CpuInput,
  DedicatedHostInput,
  Ec2InstanceInput,
  EngineOptions,
  Metric,
  RdsDbInstanceInput,
  RequirementLine,
  ResourceRef,
} from "./types";
export { licenceRequirements, type Estate } from "./requirements";
export { ec2InstanceRequirements, type Ec2Options } from "./ec2-instance";
export { dedicatedHostRequirements, type HostOptions } from "./dedicated-host";
export { rdsDbInstanceRequirements } from "./rds-db-instance";
export { pvuPeak, type PvuPeak, type VcpuSample } from "./ibm-pvu-rule";
export { resolveCpu, type ResolvedCpu } from "./cpu";
