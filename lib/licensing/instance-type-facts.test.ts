import { describe, expect, it } from "vitest";
import { dbInstanceClassFacts, instanceTypeFacts } from "./instance-type-facts";

const facts = (vcpus: number, cores: number, threadsPerCore: number) => ({ vcpus, cores, threadsPerCore });

describe("instanceTypeFacts", () => {
  it.each([
    // Intel / AMD with hyper-threading: two threads per core.
    ["m5.large", facts(2, 1, 2)],
    ["m5.xlarge", facts(4, 2, 2)],
    ["m5.2xlarge", facts(8, 4, 2)],
    ["m5.4xlarge", facts(16, 8, 2)],
    ["m5.24xlarge", facts(96, 48, 2)],
    ["m5.metal", facts(96, 48, 2)],
    ["m6i.xlarge", facts(4, 2, 2)],
    ["m6i.32xlarge", facts(128, 64, 2)],
    ["m7i.48xlarge", facts(192, 96, 2)],
    ["m7i.metal-24xl", facts(96, 48, 2)],
    ["r5.large", facts(2, 1, 2)],
    ["r5.4xlarge", facts(16, 8, 2)],
    ["r6i.2xlarge", facts(8, 4, 2)],
    ["c5.xlarge", facts(4, 2, 2)],
    ["c5.9xlarge", facts(36, 18, 2)],
    ["c5.18xlarge", facts(72, 36, 2)],
    ["c6i.16xlarge", facts(64, 32, 2)],
    ["c4.8xlarge", facts(36, 18, 2)],
    ["m4.10xlarge", facts(40, 20, 2)],
    ["z1d.3xlarge", facts(12, 6, 2)],
    ["x2iedn.xlarge", facts(4, 2, 2)],
    ["x2iedn.32xlarge", facts(128, 64, 2)],
    ["x2idn.16xlarge", facts(64, 32, 2)],
    ["x2iezn.6xlarge", facts(24, 12, 2)],
    ["x1e.32xlarge", facts(128, 64, 2)],
    // Burstable: t3 sizes up to large have 2 vCPUs on one core; t2 runs one thread per core.
    ["t3.nano", facts(2, 1, 2)],
    ["t3.medium", facts(2, 1, 2)],
    ["t3.large", facts(2, 1, 2)],
    ["t3.2xlarge", facts(8, 4, 2)],
    ["t2.micro", facts(1, 1, 1)],
    ["t2.medium", facts(2, 2, 1)],
    ["t2.2xlarge", facts(8, 8, 1)],
    // Graviton and 7th-generation AMD: one thread per core, medium = 1 vCPU.
    ["m6g.medium", facts(1, 1, 1)],
    ["m6g.large", facts(2, 2, 1)],
    ["m6g.xlarge", facts(4, 4, 1)],
    ["c6g.xlarge", facts(4, 4, 1)],
    ["r6g.large", facts(2, 2, 1)],
    ["t4g.micro", facts(2, 2, 1)],
    ["m7a.medium", facts(1, 1, 1)],
    ["r7a.2xlarge", facts(8, 8, 1)],
    ["x2gd.16xlarge", facts(64, 64, 1)],
    ["a1.metal", facts(16, 16, 1)],
  ])("%s", (type, expected) => {
    expect(instanceTypeFacts(type)).toEqual(expected);
  });

  it("is null for unknown families, sizes and malformed names", () => {
    expect(instanceTypeFacts("zz9.large")).toBeNull();
    expect(instanceTypeFacts("m5.huge")).toBeNull();
    expect(instanceTypeFacts("m5")).toBeNull();
    expect(instanceTypeFacts("m5.large.extra")).toBeNull();
    expect(instanceTypeFacts("")).toBeNull();
    expect(instanceTypeFacts(null)).toBeNull();
  });
});

describe("dbInstanceClassFacts", () => {
  it.each([
    ["db.t3.medium", facts(2, 1, 2)],
    ["db.m5.large", facts(2, 1, 2)],
    ["db.m5.xlarge", facts(4, 2, 2)],
    ["db.m5.2xlarge", facts(8, 4, 2)],
    ["db.m6i.xlarge", facts(4, 2, 2)],
    ["db.r5.large", facts(2, 1, 2)],
    ["db.r5.xlarge", facts(4, 2, 2)],
    ["db.r5.2xlarge", facts(8, 4, 2)],
    ["db.r6i.2xlarge", facts(8, 4, 2)],
    ["db.r6g.4xlarge", facts(16, 16, 1)],
    ["db.x2iedn.8xlarge", facts(32, 16, 2)],
    // Oracle preconfigured classes: tpcN sets the threads on the named size's cores.
    ["db.r5b.4xlarge.tpc2.mem2x", facts(16, 8, 2)],
    ["db.r5.2xlarge.tpc1.mem2x", facts(4, 4, 1)],
    ["db.r5.12xlarge.tpc2.mem2x", facts(48, 24, 2)],
  ])("%s", (cls, expected) => {
    expect(dbInstanceClassFacts(cls)).toEqual(expected);
  });

  it("is null for EC2 names, unknown classes and missing values", () => {
    expect(dbInstanceClassFacts("r5.large")).toBeNull();
    expect(dbInstanceClassFacts("db.serverless")).toBeNull();
    expect(dbInstanceClassFacts("db.zz9.large")).toBeNull();
    expect(dbInstanceClassFacts(undefined)).toBeNull();
  });
});
