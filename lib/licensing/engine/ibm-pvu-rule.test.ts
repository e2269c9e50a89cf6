import { describe, expect, it } from "vitest";
import { RULE_PARAMETERS, ruleParameters } from "../rule-parameters";
import { ec2InstanceRequirements } from "./ec2-instance";
import { pvuPeak } from "./ibm-pvu-rule";
import { rdsDbInstanceRequirements } from "./rds-db-instance";
import { ec2, match } from "./test-fixtures";

const RATE = RULE_PARAMETERS.ibm.pvusPerVcpu;

describe("IBM PVU sub-capacity", () => {
  it("an instance's PVUs at this snapshot: every vCPU at the flat rate, hyper-threading or not", () => {
    const [l] = ec2InstanceRequirements(ec2({ vcpus: 4, threadsPerCore: 2, products: [match("ibm-mq", null)] }));
    expect(l).toMatchObject({
      product: "ibm-mq",
      metric: "PVUs",
      quantity: 4 * RATE,
      basis: "BYOL",
      ruleId: "ibm-pvu-vcpus",
    });
    expect(l.arithmetic).toBe(
      "IBM MQ on EC2, 4 vCPUs × 70 PVUs per vCPU = 280 PVUs at this snapshot (sub-capacity licenses the period's peak)",
    );
  });

  it("Db2 on RDS: BYOL counts PVUs, Marketplace (licence-included) none", () => {
    expect(rdsDbInstanceRequirements({ id: "db", engine: "db2-se", licenceModel: "byol", vcpus: 8 })[0].quantity).toBe(
      8 * RATE,
    );
    expect(
      rdsDbInstanceRequirements({ id: "db", engine: "db2-ae", licenceModel: "license-included", vcpus: 8 })[0],
    ).toMatchObject({
      quantity: 0,
      basis: "licence included",
    });
  });

  it("the period's peak: highest vCPU total, its first time, × the rate", () => {
    const samples = [
      { at: "2025-03-01T00:00:00Z", vcpus: 8 },
      { at: "2025-03-01T00:30:00Z", vcpus: 12 },
      { at: new Date("2025-03-01T01:00:00Z"), vcpus: 4 },
      { at: "2025-03-01T01:30:00Z", vcpus: 12 },
    ];
    const peak = pvuPeak(samples, RULE_PARAMETERS, "IBM MQ");
    expect(peak).toEqual({
      peakVcpus: 12,
      at: "2025-03-01T00:30:00.000Z",
      pvus: 12 * RATE,
      samples: samples.length,
      arithmetic: `IBM MQ sub-capacity, peak of 4 snapshots: 12 vCPUs at 2025-03-01T00:30:00.000Z × ${RATE} PVUs per vCPU = ${12 * RATE} PVUs`,
    });
    // Order of the samples does not matter: the earliest of equal peaks is reported.
    expect(pvuPeak([...samples].reverse(), RULE_PARAMETERS)?.at).toBe("2025-03-01T00:30:00.000Z");
  });

  it("no samples, no peak; the rate comes from the table", () => {
    expect(pvuPeak([], RULE_PARAMETERS)).toBeNull();
    expect(
      pvuPeak([{ at: "2025-03-01T00:00:00Z", vcpus: 2 }], ruleParameters({ ibm: { pvusPerVcpu: 100 } }))?.pvus,
    ).toBe(200);
  });
});
