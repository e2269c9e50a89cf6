import { describe, expect, it } from "vitest";
import { RULE_PARAMETERS, ruleParameters } from "../rule-parameters";
import { ec2InstanceRequirements } from "./ec2-instance";
import { rdsDbInstanceRequirements } from "./rds-db-instance";
import { ec2, match } from "./test-fixtures";

const P = RULE_PARAMETERS.oracle;
const EE = [match("oracle-database", "Enterprise Edition")];
const SE2 = [match("oracle-database", "Standard Edition 2")];
const only = <T>(lines: T[]) => {
  expect(lines).toHaveLength(1);
  return lines[0];
};

describe("Oracle on EC2 (authorised cloud policy)", () => {
  it("EE, hyper-threading on: 2 vCPUs per processor licence", () => {
    const l = only(ec2InstanceRequirements(ec2({ vcpus: 8, threadsPerCore: 2, products: EE })));
    expect(l).toMatchObject({
      product: "oracle-database",
      edition: "Enterprise Edition",
      metric: "processor licences",
      quantity: 8 / P.vcpusPerProcessorWithHyperThreading,
      basis: "BYOL",
      ruleId: "oracle-ee-vcpus",
      flags: [],
    });
    expect(l.arithmetic).toBe("Oracle EE on EC2, 8 vCPUs, hyper-threading on: 8 / 2 = 4 processor licences");
    expect(l.evidence).toEqual(["test evidence for oracle-database"]);
  });

  it("EE, hyper-threading off: 1 vCPU per licence; SSM's CPUHyperThreadEnabled wins over ThreadsPerCore", () => {
    const l = only(
      ec2InstanceRequirements(ec2({ vcpus: 8, threadsPerCore: 2, hyperThreadEnabled: false, products: EE })),
    );
    expect(l.quantity).toBe(8 / P.vcpusPerProcessorWithoutHyperThreading);
    expect(l.arithmetic).toBe("Oracle EE on EC2, 8 vCPUs, hyper-threading off: 8 / 1 = 8 processor licences");
    expect(only(ec2InstanceRequirements(ec2({ vcpus: 4, threadsPerCore: 1, products: EE }))).quantity).toBe(4);
  });

  it("EE rounds up and says so", () => {
    const l = only(ec2InstanceRequirements(ec2({ vcpus: 3, hyperThreadEnabled: true, products: EE })));
    expect(l.quantity).toBe(Math.ceil(3 / P.vcpusPerProcessorWithHyperThreading));
    expect(l.arithmetic).toBe(
      "Oracle EE on EC2, 3 vCPUs, hyper-threading on: 3 / 2 = 1.5, rounded up = 2 processor licences",
    );
  });

  it("unknown hyper-threading counts as off, flagged; vCPUs from cores × threads when missing", () => {
    const l = only(ec2InstanceRequirements(ec2({ vcpus: 6, products: EE })));
    expect(l.quantity).toBe(6);
    expect(l.arithmetic).toContain("hyper-threading off (not known: assumed off)");
    expect(l.flags).toEqual(["Hyper-threading not known: counted as off, which may overstate."]);
    expect(
      only(ec2InstanceRequirements(ec2({ vcpus: null, cores: 4, threadsPerCore: 2, products: EE }))).quantity,
    ).toBe((4 * 2) / P.vcpusPerProcessorWithHyperThreading);
  });

  it.each([
    [1, 1],
    [4, 1],
    [5, 2],
    [8, 2],
  ])("SE2 at %i vCPUs: %i socket(s), within the cap", (vcpus, sockets) => {
    const l = only(ec2InstanceRequirements(ec2({ vcpus, threadsPerCore: 2, products: SE2 })));
    expect(sockets).toBe(Math.ceil(vcpus / P.standardEditionVcpusPerSocket));
    expect(l).toMatchObject({ quantity: sockets, ruleId: "oracle-se-sockets", flags: [] });
  });

  it("SE2 above 8 vCPUs is counted and flagged as not licensable as SE2", () => {
    for (const vcpus of [9, 16]) {
      const l = only(ec2InstanceRequirements(ec2({ vcpus, threadsPerCore: 2, products: SE2 })));
      expect(l.quantity).toBe(Math.ceil(vcpus / P.standardEditionVcpusPerSocket));
      expect(l.flags).toEqual([
        `${vcpus} vCPUs exceed the ${P.standardEditionMaxVcpus.SE2} vCPUs Oracle SE2 may be licensed on: not licensable as SE2.`,
      ]);
    }
    const l = only(ec2InstanceRequirements(ec2({ vcpus: 9, products: SE2 })));
    expect(l.arithmetic).toBe(
      "Oracle SE2 on EC2, 9 vCPUs, 4 vCPUs per socket: 9 / 4 = 2.25, rounded up = 3 sockets = 3 processor licences",
    );
  });

  it("free editions need none; an unrecognised edition counts as EE, flagged; unknown vCPUs give no figure", () => {
    const xe = only(
      ec2InstanceRequirements(ec2({ vcpus: 8, products: [match("oracle-database", "Express Edition", true)] })),
    );
    expect(xe).toMatchObject({ quantity: 0, basis: "free edition", ruleId: "oracle-free-edition" });
    const unknown = only(
      ec2InstanceRequirements(ec2({ vcpus: 8, threadsPerCore: 2, products: [match("oracle-database", null)] })),
    );
    expect(unknown).toMatchObject({ quantity: 4, flags: ["Edition not recognised: counted as Enterprise Edition."] });
    expect(only(ec2InstanceRequirements(ec2({ vcpus: null, products: EE }))).quantity).toBeNull();
  });

  it("reads its numbers from the parameter table only", () => {
    const params = ruleParameters({
      oracle: { vcpusPerProcessorWithHyperThreading: 4, standardEditionMaxVcpus: { SE2: 16, SE1: 8, SE: 16 } },
    });
    expect(only(ec2InstanceRequirements(ec2({ vcpus: 8, threadsPerCore: 2, products: EE }), { params })).quantity).toBe(
      2,
    );
    expect(only(ec2InstanceRequirements(ec2({ vcpus: 12, products: SE2 }), { params })).flags).toEqual([]);
  });
});

describe("Oracle on RDS", () => {
  const db = (
    engine: string,
    licenceModel: "byol" | "license-included" | "unknown",
    vcpus: number | null,
    multiAz = false,
  ) => ({
    id: "db-1",
    engine,
    licenceModel,
    vcpus,
    threadsPerCore: 2,
    multiAz,
  });

  it("licence-included needs none", () => {
    expect(only(rdsDbInstanceRequirements(db("oracle-se2", "license-included", 8)))).toMatchObject({
      quantity: 0,
      basis: "licence included",
      ruleId: "oracle-rds-licence-included",
    });
  });

  it("BYOL EE counts like EC2; a Multi-AZ standby adds the same again", () => {
    const [primary, standby] = rdsDbInstanceRequirements(db("oracle-ee-cdb", "byol", 16, true));
    const each = 16 / P.vcpusPerProcessorWithHyperThreading;
    expect(primary).toMatchObject({ quantity: each, basis: "BYOL", ruleId: "oracle-ee-vcpus" });
    expect(primary.arithmetic).toBe("Oracle EE on RDS, 16 vCPUs, hyper-threading on: 16 / 2 = 8 processor licences");
    expect(standby).toMatchObject({ quantity: each, ruleId: "oracle-ee-vcpus-multi-az-standby" });
    expect(standby.arithmetic).toMatch(/^Multi-AZ standby, as its primary: /);
  });

  it("an unknown licence model is counted as BYOL and flagged", () => {
    expect(only(rdsDbInstanceRequirements(db("oracle-se2", "unknown", 9)))).toMatchObject({
      quantity: Math.ceil(9 / P.standardEditionVcpusPerSocket),
      basis: "unknown",
      flags: [
        "Licence model not known: counted as BYOL.",
        `9 vCPUs exceed the ${P.standardEditionMaxVcpus.SE2} vCPUs Oracle SE2 may be licensed on: not licensable as SE2.`,
      ],
    });
  });
});
