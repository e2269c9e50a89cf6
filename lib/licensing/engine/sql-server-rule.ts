import type { Match } from "../recognition";
import type { RuleParameters } from "../rule-parameters";
import { count } from "./arithmetic";
import type { Ec2Billing } from "./ec2-billing";
import { evidenceOf, line, named, VCPUS_UNKNOWN } from "./lines";
import { HOST_SIZE_UNKNOWN, physicalCoresWithMinimum } from "./physical-cores";
import type { DedicatedHostInput, RequirementLine, ResourceRef } from "./types";

// SQL Server per core. Licence-included instances are paid through AWS; Developer and Express are
// free; BYOL licenses every vCPU of the instance with a minimum per instance, or, on a dedicated
// host the admin chose to license by physical cores, the host's cores with a minimum per processor.

type SqlContext = {
  resource: ResourceRef;
  products: readonly Match[];
  billing: Ec2Billing;
  vcpus: number | null;
  /** The host id when the admin licenses this instance's host by its physical cores. */
  coveredByHost: string | null;
  params: RuleParameters;
};

export function sqlServerInstanceLines(ctx: SqlContext): RequirementLine[] {
  const matches = ctx.products.filter((m) => m.product === "sql-server");
  const included = ctx.billing.sqlIncludedEdition;
  const lines: RequirementLine[] = [];
  if (included) {
    const covered = matches.filter((m) => m.edition === included || m.edition === null);
    lines.push(
      line(ctx.resource, "sql-server", included, {
        metric: "core licences",
        quantity: 0,
        basis: "licence included",
        ruleId: "sql-server-licence-included",
        arithmetic: `SQL Server ${included} licence included in the instance's billing: 0 core licences`,
        evidence: [ctx.billing.evidence, ...evidenceOf(...covered)],
      }),
    );
  }
  for (const match of matches) {
    if (included && (match.edition === included || match.edition === null)) continue;
    if (match.free) {
      lines.push(
        line(ctx.resource, "sql-server", match.edition, {
          metric: "core licences",
          quantity: 0,
          basis: "free edition",
          ruleId: "sql-server-free-edition",
          arithmetic: `SQL Server ${match.edition} is free of charge: 0 core licences`,
          evidence: evidenceOf(match),
        }),
      );
      continue;
    }
    const flags = included
      ? [`The licence-included billing covers SQL Server ${included} only; this edition needs its own licences.`]
      : [];
    lines.push(byolLine(ctx, match, flags));
  }
  return lines;
}

function byolLine(ctx: SqlContext, match: Match, flags: string[]): RequirementLine {
  const base = {
    metric: "core licences" as const,
    basis: ctx.billing.decoded.licenceModel === "unknown" ? ("unknown" as const) : ("BYOL" as const),
    evidence: [...evidenceOf(match), ctx.billing.evidence],
    flags: [...flags],
  };
  if (match.edition === null) base.flags.push("Edition not recognised: counted as a paid edition.");
  if (base.basis === "unknown") base.flags.push("Billing code not known: the instance may be licence-included.");
  const what = `${named("sql-server", match.edition)} BYOL on EC2`;
  if (ctx.coveredByHost) {
    return line(ctx.resource, "sql-server", match.edition, {
      ...base,
      quantity: 0,
      ruleId: "sql-server-covered-by-host",
      arithmetic: `${what}: licensed by the physical cores of dedicated host ${ctx.coveredByHost} (the host's line): 0 core licences here`,
    });
  }
  const min = ctx.params.sqlServer.minCoresPerInstance;
  if (ctx.vcpus === null) {
    return line(ctx.resource, "sql-server", match.edition, {
      ...base,
      quantity: null,
      ruleId: "sql-server-byol-vcpus",
      arithmetic: `${what}: every vCPU a core licence, at least ${min} per instance; vCPUs not known`,
      flags: [...base.flags, VCPUS_UNKNOWN],
    });
  }
  const quantity = Math.max(ctx.vcpus, min);
  return line(ctx.resource, "sql-server", match.edition, {
    ...base,
    quantity,
    ruleId: "sql-server-byol-vcpus",
    arithmetic: `${what}, ${count(ctx.vcpus, "vCPUs")}: every vCPU a core licence, at least ${min} per instance: max(${ctx.vcpus}, ${min}) = ${count(quantity, "core licences")}`,
  });
}

/** The host's line per paid SQL Server edition its instances run, when the admin licenses it by physical cores. */
export function sqlServerHostLines(
  host: DedicatedHostInput,
  editions: Map<string | null, string[]>,
  params: RuleParameters,
): RequirementLine[] {
  const resource = { kind: "dedicated-host" as const, id: host.id };
  const min = params.sqlServer.minCoresPerProcessor;
  const cores = physicalCoresWithMinimum(host, min);
  return [...editions].map(([edition, evidence]) => {
    const flags = cores ? [] : [HOST_SIZE_UNKNOWN];
    if (edition === null) flags.push("Edition not recognised: counted as a paid edition.");
    // Physical-core licences cover SQL Server in every VM only with the rights Enterprise with
    // Software Assurance (or a subscription) gives; other editions are worth a check.
    if (edition !== "Enterprise")
      flags.push(
        "Licensing physical cores covers SQL Server in the host's instances only under the rights your agreement gives: check them.",
      );
    const what = `${named("sql-server", edition)} BYOL on dedicated host ${host.id}, licensed by physical cores`;
    return line(resource, "sql-server", edition, {
      metric: "core licences",
      quantity: cores?.value ?? null,
      basis: "BYOL",
      ruleId: "sql-server-host-physical-cores",
      arithmetic: cores
        ? `${what}: ${cores.text} core licences`
        : `${what}: every physical core, at least ${min} per processor; sockets or cores not known`,
      evidence,
      flags,
    });
  });
}
