import type { Match } from "../recognition";
import type { RuleParameters } from "../rule-parameters";
import { divideUp } from "./arithmetic";
import type { Ec2Billing } from "./ec2-billing";
import { evidenceOf, line } from "./lines";
import { HOST_SIZE_UNKNOWN, physicalCoresWithMinimum } from "./physical-cores";
import type { DedicatedHostInput, Ec2InstanceInput, RequirementLine, ResourceRef } from "./types";

// Windows Server. Licence-included instances are paid through AWS. BYOL runs on dedicated hosts and
// licenses the host: all physical cores, at least a minimum per processor and per host; Standard
// covers a fixed number of Windows instances per full licensing of the cores, Datacenter any number.

export function windowsEditionOf(products: readonly Match[]): Match | undefined {
  return products.find((m) => m.product === "windows-server");
}

/** The instance's own Windows line: none needed (included, or counted on its host) or no figure. */
export function windowsInstanceLines(
  resource: ResourceRef,
  instance: Ec2InstanceInput,
  billing: Ec2Billing,
): RequirementLine[] {
  const match = windowsEditionOf(instance.products);
  const model = billing.windows ?? (match ? "unknown" : null);
  if (!model) return [];
  const edition = match?.edition ?? null;
  const evidence = [billing.evidence, ...evidenceOf(match)];
  const base = { metric: "core licences" as const, evidence };
  if (model === "licence included")
    return [
      line(resource, "windows-server", edition, {
        ...base,
        quantity: 0,
        basis: "licence included",
        ruleId: "windows-licence-included",
        arithmetic: "Windows Server licence included in the instance's billing: 0 core licences",
      }),
    ];
  if (model === "unknown")
    return [
      line(resource, "windows-server", edition, {
        ...base,
        quantity: null,
        basis: "unknown",
        ruleId: "windows-licence-model-unknown",
        arithmetic: "Windows Server: the billing code does not say licence-included or BYOL; no figure",
        flags: ["Billing code not known: licence-included or BYOL cannot be told."],
      }),
    ];
  if (instance.tenancy === "host" && instance.hostId)
    return [
      line(resource, "windows-server", edition, {
        ...base,
        quantity: 0,
        basis: "BYOL",
        ruleId: "windows-covered-by-host",
        arithmetic: `Windows Server BYOL on dedicated host ${instance.hostId}: licensed by the host's physical cores (the host's line): 0 core licences here`,
      }),
    ];
  return [
    line(resource, "windows-server", edition, {
      ...base,
      quantity: null,
      basis: "BYOL",
      ruleId: "windows-byol-not-on-host",
      arithmetic: "Windows Server BYOL outside a dedicated host: its physical cores are not visible; no figure",
      flags: [
        "Windows Server BYOL needs dedicated hardware whose physical cores can be licensed: check where it runs.",
      ],
    }),
  ];
}

/** The host's Windows Server line per edition its BYOL Windows instances run. */
export function windowsHostLines(
  host: DedicatedHostInput,
  byEdition: Map<string | null, { instances: number; evidence: string[] }>,
  params: RuleParameters,
): RequirementLine[] {
  const p = params.windowsServer;
  const cores = physicalCoresWithMinimum(host, p.minCoresPerProcessor);
  return [...byEdition].map(([edition, { instances, evidence }]) => {
    const what = `Windows Server ${edition ?? "(edition not recognised)"} BYOL on dedicated host ${host.id}`;
    const fields = {
      metric: "core licences" as const,
      basis: "BYOL" as const,
      ruleId: "windows-byol-host-cores",
      evidence,
    };
    const resource = { kind: "dedicated-host" as const, id: host.id };
    if (!cores)
      return line(resource, "windows-server", edition, {
        ...fields,
        quantity: null,
        arithmetic: `${what}: all physical cores, at least ${p.minCoresPerProcessor} per processor and ${p.minCoresPerHost} per host; sockets or cores not known`,
        flags: [HOST_SIZE_UNKNOWN],
      });
    const once = Math.max(cores.value, p.minCoresPerHost);
    let arithmetic = `${what}: ${cores.text}; max(${cores.value}, host minimum ${p.minCoresPerHost}) = ${once} core licences`;
    const flags: string[] = [];
    let quantity = once;
    if (edition === "Standard") {
      const times = divideUp(instances, p.standardInstancesPerLicensing);
      quantity = once * times.value;
      arithmetic += ` per licensing; Standard covers ${p.standardInstancesPerLicensing} Windows instances per licensing, ${instances} here: ${times.text} licensings × ${once} = ${quantity} core licences`;
    } else if (edition === null) {
      flags.push("Edition not recognised: counted as one licensing of the cores (Datacenter); Standard may need more.");
    }
    return line(resource, "windows-server", edition, { ...fields, quantity, arithmetic, flags });
  });
}
