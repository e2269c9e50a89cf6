import type { Match } from "../recognition";
import type { RuleParameters } from "../rule-parameters";
import { count } from "./arithmetic";
import { evidenceOf, line, VCPUS_UNKNOWN } from "./lines";
import type { RequirementLine, ResourceRef } from "./types";

// IBM sub-capacity on AWS (Eligible Public Cloud BYOSL policy): a flat PVU rate per vCPU, whatever
// the processor or hyper-threading; what is licensed is the peak over the period, which is why the
// collector samples every 30 minutes and pvuPeak reads the run snapshots.

const IBM_PRODUCTS = new Set(["ibm-db2", "ibm-mq", "ibm-websphere"]);

/** PVUs each IBM product on one instance or DB instance uses at this snapshot. */
export function ibmPvuLines(
  resource: ResourceRef,
  where: "EC2" | "RDS",
  products: readonly Match[],
  vcpus: number | null,
  params: RuleParameters,
  extraEvidence: string[] = [],
): RequirementLine[] {
  const rate = params.ibm.pvusPerVcpu;
  return products
    .filter((m) => IBM_PRODUCTS.has(m.product))
    .map((m) => {
      const what = `${m.productName}${m.edition ? ` ${m.edition}` : ""} on ${where}`;
      const quantity = vcpus === null ? null : vcpus * rate;
      return line(resource, m.product, m.edition, {
        metric: "PVUs",
        quantity,
        basis: "BYOL",
        ruleId: "ibm-pvu-vcpus",
        arithmetic:
          quantity === null
            ? `${what}: ${rate} PVUs per vCPU; vCPUs not known`
            : `${what}, ${count(vcpus!, "vCPUs")} × ${rate} PVUs per vCPU = ${quantity} PVUs at this snapshot (sub-capacity licenses the period's peak)`,
        evidence: [...evidenceOf(m), ...extraEvidence],
        flags: quantity === null ? [VCPUS_UNKNOWN] : [],
      });
    });
}

export type VcpuSample = { at: Date | string; vcpus: number };

export type PvuPeak = { peakVcpus: number; at: string; pvus: number; samples: number; arithmetic: string };

/**
 * The period's PVU peak from per-snapshot vCPU totals (of the instances running one IBM product):
 * the highest total, its first time, × the PVU rate. Null for a period without samples.
 */
export function pvuPeak(samples: readonly VcpuSample[], params: RuleParameters, label = "IBM"): PvuPeak | null {
  let peak: { vcpus: number; at: string } | null = null;
  for (const sample of samples) {
    const at = new Date(sample.at).toISOString();
    if (!peak || sample.vcpus > peak.vcpus || (sample.vcpus === peak.vcpus && at < peak.at))
      peak = { vcpus: sample.vcpus, at };
  }
  if (!peak) return null;
  const rate = params.ibm.pvusPerVcpu;
  const pvus = peak.vcpus * rate;
  return {
    peakVcpus: peak.vcpus,
    at: peak.at,
    pvus,
    samples: samples.length,
    arithmetic: `${label} sub-capacity, peak of ${count(samples.length, "snapshots")}: ${count(peak.vcpus, "vCPUs")} at ${peak.at} × ${rate} PVUs per vCPU = ${pvus} PVUs`,
  };
}
