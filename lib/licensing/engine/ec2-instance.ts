import { RULE_PARAMETERS, type RuleParameters } from "../rule-parameters";
import { resolveCpu } from "./cpu";
import { ec2Billing } from "./ec2-billing";
import { ibmPvuLines } from "./ibm-pvu-rule";
import { evidenceOf, line } from "./lines";
import { oracleEc2Lines } from "./oracle-lines";
import { sqlServerInstanceLines } from "./sql-server-rule";
import type { Ec2InstanceInput, RequirementLine, ResourceRef } from "./types";
import { windowsInstanceLines } from "./windows-server-rule";

export type Ec2Options = {
  params?: RuleParameters;
  /** The admin licenses SQL Server on this instance's dedicated host by the host's physical cores. */
  sqlServerCoveredByHost?: boolean;
};

/** Requirement lines of one EC2 instance: its billing (Windows, SQL Server, RHEL) and what SSM found on it. */
export function ec2InstanceRequirements(instance: Ec2InstanceInput, options: Ec2Options = {}): RequirementLine[] {
  const params = options.params ?? RULE_PARAMETERS;
  const resource: ResourceRef = { kind: "ec2-instance", id: instance.id };
  const cpu = resolveCpu(instance);
  const billing = ec2Billing(instance);
  const onHost = instance.tenancy === "host" && instance.hostId ? instance.hostId : null;
  return [
    ...oracleEc2Lines(resource, instance.products, cpu, params),
    ...sqlServerInstanceLines({
      resource,
      products: instance.products,
      billing,
      vcpus: cpu.vcpus,
      coveredByHost: options.sqlServerCoveredByHost && onHost ? onHost : null,
      params,
    }),
    ...windowsInstanceLines(resource, instance, billing),
    ...ibmPvuLines(resource, "EC2", instance.products, cpu.vcpus, params),
    ...rhelLines(resource, instance, billing),
  ];
}

// RHEL: AWS bills the licence-included kind; Cirrus has no counting rule for BYOL subscriptions,
// so they get a line without a figure rather than silently none.
function rhelLines(
  resource: ResourceRef,
  instance: Ec2InstanceInput,
  billing: ReturnType<typeof ec2Billing>,
): RequirementLine[] {
  const match = instance.products.find((m) => m.product === "rhel");
  if (!billing.rhel && !match) return [];
  const evidence = [billing.evidence, ...evidenceOf(match)];
  if (billing.rhel === "licence included")
    return [
      line(resource, "rhel", null, {
        metric: "subscriptions",
        quantity: 0,
        basis: "licence included",
        ruleId: "rhel-licence-included",
        arithmetic: "RHEL subscription included in the instance's billing: 0 subscriptions",
        evidence,
      }),
    ];
  return [
    line(resource, "rhel", null, {
      metric: "subscriptions",
      quantity: null,
      basis: billing.rhel === "BYOL" ? "BYOL" : "unknown",
      ruleId: "rhel-no-counting-rule",
      arithmetic: "RHEL not billed through AWS: Cirrus has no counting rule for Red Hat subscriptions; no figure",
      evidence,
      flags: ["Count RHEL subscriptions by your Red Hat terms."],
    }),
  ];
}
