import type { OracleEdition } from "../oracle";
import type { Match } from "../recognition";
import type { RuleParameters } from "../rule-parameters";
import type { ResolvedCpu } from "./cpu";
import { evidenceOf, line, VCPUS_UNKNOWN } from "./lines";
import { oracleFigure } from "./oracle-rule";
import type { Basis, RequirementLine, ResourceRef } from "./types";

const EDITION_BY_NAME: Record<string, OracleEdition> = { "Enterprise Edition": "EE", "Standard Edition 2": "SE2" };
const NAME_BY_EDITION: Record<OracleEdition, string> = {
  EE: "Enterprise Edition",
  SE2: "Standard Edition 2",
  SE: "Standard Edition",
  SE1: "Standard Edition One",
};

type OracleInput = {
  resource: ResourceRef;
  where: "EC2" | "RDS";
  edition: OracleEdition;
  cpu: ResolvedCpu;
  basis: Basis;
  ruleSuffix?: string;
  evidence: string[];
  flags?: string[];
};

/** One Oracle Database line by the authorised cloud policy. */
export function oracleLine(input: OracleInput, params: RuleParameters): RequirementLine {
  const { cpu, edition } = input;
  const fields = { metric: "processor licences" as const, basis: input.basis, evidence: input.evidence };
  const name = NAME_BY_EDITION[edition];
  if (cpu.vcpus === null)
    return line(input.resource, "oracle-database", name, {
      ...fields,
      quantity: null,
      ruleId: edition === "EE" ? "oracle-ee-vcpus" : "oracle-se-sockets",
      arithmetic: `Oracle ${edition} on ${input.where}: vCPUs not known`,
      flags: [...(input.flags ?? []), VCPUS_UNKNOWN],
    });
  const figure = oracleFigure(
    input.where,
    edition,
    cpu.vcpus,
    cpu.hyperThreading,
    cpu.hyperThreadingSource,
    params.oracle,
  );
  return line(input.resource, "oracle-database", name, {
    ...fields,
    quantity: figure.quantity,
    ruleId: figure.ruleId + (input.ruleSuffix ?? ""),
    arithmetic: figure.arithmetic,
    flags: [...(input.flags ?? []), ...figure.flags],
  });
}

/** Oracle Database recognised on an EC2 instance: always the customer's licence (BYOL). */
export function oracleEc2Lines(
  resource: ResourceRef,
  products: readonly Match[],
  cpu: ResolvedCpu,
  params: RuleParameters,
): RequirementLine[] {
  return products
    .filter((m) => m.product === "oracle-database")
    .map((m) => {
      if (m.free)
        return line(resource, "oracle-database", m.edition, {
          metric: "processor licences",
          quantity: 0,
          basis: "free edition",
          ruleId: "oracle-free-edition",
          arithmetic: `Oracle Database ${m.edition} is free of charge: 0 processor licences`,
          evidence: evidenceOf(m),
        });
      const edition = m.edition ? EDITION_BY_NAME[m.edition] : undefined;
      const flags = edition ? [] : ["Edition not recognised: counted as Enterprise Edition."];
      return oracleLine(
        { resource, where: "EC2", edition: edition ?? "EE", cpu, basis: "BYOL", evidence: evidenceOf(m), flags },
        params,
      );
    });
}
