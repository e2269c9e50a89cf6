import { describe, expect, it } from "vitest";
import { RULE_PARAMETERS } from "../rule-parameters";
import { ec2InstanceRequirements } from "./ec2-instance";
import { licenceRequirements } from "./requirements";
import { rdsDbInstanceRequirements } from "./rds-db-instance";
import { ec2, match } from "./test-fixtures";

const P = RULE_PARAMETERS.sqlServer;
const sqlLines = (lines: ReturnType<typeof ec2InstanceRequirements>) => lines.filter((l) => l.product === "sql-server");

describe("SQL Server on EC2", () => {
  it.each([
    ["RunInstances:0102", "Enterprise"],
    ["RunInstances:0006", "Standard"],
    ["RunInstances:0202", "Web"],
    ["RunInstances:0004", "Standard"],
    ["RunInstances:0110", "Enterprise"],
  ])("licence-included %s (SQL Server %s) needs none, even with nothing recognised", (usageOperation, edition) => {
    const [l] = sqlLines(ec2InstanceRequirements(ec2({ vcpus: 16, usageOperation })));
    expect(l).toMatchObject({ edition, quantity: 0, basis: "licence included", ruleId: "sql-server-licence-included" });
    expect(l.evidence[0]).toMatch(
      new RegExp(`^UsageOperation ${usageOperation}: .*SQL Server ${edition}, license-included$`),
    );
  });

  it("licence-included Standard does not cover an Enterprise install on the same instance", () => {
    const lines = sqlLines(
      ec2InstanceRequirements(
        ec2({ vcpus: 8, usageOperation: "RunInstances:0006", products: [match("sql-server", "Enterprise")] }),
      ),
    );
    expect(lines.map((l) => [l.edition, l.basis, l.quantity])).toEqual([
      ["Standard", "licence included", 0],
      ["Enterprise", "BYOL", Math.max(8, P.minCoresPerInstance)],
    ]);
    expect(lines[1].flags).toEqual([
      "The licence-included billing covers SQL Server Standard only; this edition needs its own licences.",
    ]);
  });

  it("BYOL: every vCPU, at least 4 per instance", () => {
    for (const vcpus of [2, 4, 6, 16]) {
      const [l] = sqlLines(
        ec2InstanceRequirements(
          ec2({ vcpus, usageOperation: "RunInstances:0800", products: [match("sql-server", "Standard")] }),
        ),
      );
      expect(l).toMatchObject({
        quantity: Math.max(vcpus, P.minCoresPerInstance),
        basis: "BYOL",
        ruleId: "sql-server-byol-vcpus",
      });
    }
    const [two] = sqlLines(
      ec2InstanceRequirements(
        ec2({ vcpus: 2, usageOperation: "RunInstances:0800", products: [match("sql-server", "Standard")] }),
      ),
    );
    expect(two.arithmetic).toBe(
      "Microsoft SQL Server Standard BYOL on EC2, 2 vCPUs: every vCPU a core licence, at least 4 per instance: max(2, 4) = 4 core licences",
    );
  });

  it("hyper-threading does not halve SQL Server's per-vCPU count", () => {
    const [l] = sqlLines(
      ec2InstanceRequirements(ec2({ vcpus: 8, threadsPerCore: 2, products: [match("sql-server", "Enterprise")] })),
    );
    expect(l.quantity).toBe(8);
  });

  it("Developer and Express need none", () => {
    const lines = sqlLines(
      ec2InstanceRequirements(
        ec2({ vcpus: 8, products: [match("sql-server", "Developer", true), match("sql-server", "Express", true)] }),
      ),
    );
    expect(lines.map((l) => [l.edition, l.quantity, l.basis, l.ruleId])).toEqual([
      ["Developer", 0, "free edition", "sql-server-free-edition"],
      ["Express", 0, "free edition", "sql-server-free-edition"],
    ]);
  });

  it("an unrecognised edition counts as paid; an unknown billing code is flagged; unknown vCPUs give no figure", () => {
    const [l] = sqlLines(
      ec2InstanceRequirements(ec2({ vcpus: 2, usageOperation: null, products: [match("sql-server", null)] })),
    );
    expect(l).toMatchObject({ quantity: P.minCoresPerInstance, basis: "unknown" });
    expect(l.flags).toEqual([
      "Edition not recognised: counted as a paid edition.",
      "Billing code not known: the instance may be licence-included.",
    ]);
    const [none] = sqlLines(ec2InstanceRequirements(ec2({ vcpus: null, products: [match("sql-server", "Standard")] })));
    expect(none.quantity).toBeNull();
  });
});

describe("SQL Server on a dedicated host licensed by physical cores (admin option)", () => {
  const host = { id: "h-1", sockets: 2, cores: 48 };
  const onHost = (id: string, vcpus: number, edition: string) =>
    ec2({
      id,
      vcpus,
      tenancy: "host",
      hostId: "h-1",
      usageOperation: "RunInstances:0800",
      products: [match("sql-server", edition)],
    });
  const estate = { hosts: [host], instances: [onHost("i-a", 8, "Enterprise"), onHost("i-b", 4, "Enterprise")] };

  it("without the option each instance counts its vCPUs and the host carries nothing", () => {
    const lines = licenceRequirements(estate).filter((l) => l.product === "sql-server");
    expect(lines.map((l) => [l.resource.id, l.quantity])).toEqual([
      ["i-a", 8],
      ["i-b", Math.max(4, P.minCoresPerInstance)],
    ]);
  });

  it("with it the host counts its physical cores once and the instances point to it", () => {
    const lines = licenceRequirements(estate, { sqlServerByHostCores: ["h-1"] }).filter(
      (l) => l.product === "sql-server",
    );
    const perProcessor = Math.max(host.cores / host.sockets, P.minCoresPerProcessor);
    expect(lines.map((l) => [l.resource.id, l.quantity, l.ruleId])).toEqual([
      ["i-a", 0, "sql-server-covered-by-host"],
      ["i-b", 0, "sql-server-covered-by-host"],
      ["h-1", host.sockets * perProcessor, "sql-server-host-physical-cores"],
    ]);
    expect(lines[2].arithmetic).toBe(
      "Microsoft SQL Server Enterprise BYOL on dedicated host h-1, licensed by physical cores: 2 processors × max(48 / 2 = 24 cores, minimum 4) = 48 core licences",
    );
    expect(lines[2].evidence).toEqual(["i-a: test evidence for sql-server", "i-b: test evidence for sql-server"]);
    expect(lines[2].flags).toEqual([]);
  });

  it("applies the per-processor minimum on a small host and flags editions other than Enterprise", () => {
    const small = { id: "h-1", sockets: 2, cores: 4 };
    const [hostLine] = licenceRequirements(
      { hosts: [small], instances: [onHost("i-a", 4, "Standard")] },
      { sqlServerByHostCores: ["h-1"] },
    ).filter((l) => l.resource.kind === "dedicated-host" && l.product === "sql-server");
    expect(hostLine.quantity).toBe(small.sockets * Math.max(small.cores / small.sockets, P.minCoresPerProcessor));
    expect(hostLine.flags).toHaveLength(1);
  });

  it("an option naming an unknown host leaves the instances counting their vCPUs", () => {
    const lines = licenceRequirements({ instances: estate.instances }, { sqlServerByHostCores: ["h-1"] });
    expect(lines.filter((l) => l.product === "sql-server").map((l) => l.ruleId)).toEqual([
      "sql-server-byol-vcpus",
      "sql-server-byol-vcpus",
    ]);
  });
});

describe("SQL Server on RDS", () => {
  const db = (engine: string, licenceModel: "byol" | "license-included", vcpus: number) => ({
    id: "db-1",
    engine,
    licenceModel,
    vcpus,
  });

  it("licence-included and Express need none; RDS Custom BYOL counts every vCPU, at least 4", () => {
    expect(rdsDbInstanceRequirements(db("sqlserver-se", "license-included", 8))[0]).toMatchObject({
      quantity: 0,
      basis: "licence included",
    });
    expect(rdsDbInstanceRequirements(db("sqlserver-ex", "license-included", 2))[0]).toMatchObject({
      quantity: 0,
      basis: "free edition",
    });
    expect(rdsDbInstanceRequirements(db("custom-sqlserver-ee", "byol", 2))[0]).toMatchObject({
      edition: "Enterprise",
      quantity: Math.max(2, P.minCoresPerInstance),
      basis: "BYOL",
    });
  });
});
