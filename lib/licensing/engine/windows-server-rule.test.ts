import { describe, expect, it } from "vitest";
import { RULE_PARAMETERS } from "../rule-parameters";
import { ec2InstanceRequirements } from "./ec2-instance";
import { licenceRequirements } from "./requirements";
import { ec2, match } from "./test-fixtures";

const P = RULE_PARAMETERS.windowsServer;
const byol = (id: string, edition: string | null) =>
  ec2({
    id,
    vcpus: 4,
    tenancy: "host",
    hostId: "h-1",
    usageOperation: "RunInstances:0800",
    products: edition ? [match("windows-server", edition)] : [],
  });
const hostLines = (host: { sockets: number | null; cores: number | null }, instances = [byol("i-a", "Datacenter")]) =>
  licenceRequirements({ hosts: [{ id: "h-1", ...host }], instances }).filter(
    (l) => l.resource.kind === "dedicated-host" && l.product === "windows-server",
  );
// All physical cores, at least 8 per processor and 16 per host, computed from the table.
const expected = (sockets: number, cores: number) =>
  Math.max(sockets * Math.max(Math.ceil(cores / sockets), P.minCoresPerProcessor), P.minCoresPerHost);

describe("Windows Server BYOL on dedicated hosts", () => {
  it.each([
    [1, 4],
    [2, 4],
    [2, 16],
    [2, 48],
    [4, 16],
    [4, 8],
  ])("%i processors, %i physical cores", (sockets, cores) => {
    const [l] = hostLines({ sockets, cores });
    expect(l).toMatchObject({ quantity: expected(sockets, cores), basis: "BYOL", ruleId: "windows-byol-host-cores" });
  });

  it("states both minimums in its arithmetic", () => {
    expect(hostLines({ sockets: 1, cores: 4 })[0].arithmetic).toBe(
      "Windows Server Datacenter BYOL on dedicated host h-1: 1 processor × max(4 / 1 = 4 cores, minimum 8) = 8; max(8, host minimum 16) = 16 core licences",
    );
    // Four small processors: the per-processor minimum beats the per-host one.
    expect(hostLines({ sockets: 4, cores: 8 })[0].quantity).toBe(4 * P.minCoresPerProcessor);
  });

  it("counts the host once for Datacenter, once per 2 instances for Standard", () => {
    const [datacenter] = hostLines({ sockets: 2, cores: 48 }, [
      byol("i-a", "Datacenter"),
      byol("i-b", "Datacenter"),
      byol("i-c", "Datacenter"),
    ]);
    expect(datacenter.quantity).toBe(expected(2, 48));
    const [standard] = hostLines({ sockets: 2, cores: 48 }, [
      byol("i-a", "Standard"),
      byol("i-b", "Standard"),
      byol("i-c", "Standard"),
    ]);
    expect(standard.quantity).toBe(expected(2, 48) * Math.ceil(3 / P.standardInstancesPerLicensing));
    expect(standard.arithmetic).toContain("3 / 2 = 1.5, rounded up = 2 licensings × 48 = 96 core licences");
  });

  it("an unknown edition counts once and is flagged; unknown host size gives no figure", () => {
    const [unknown] = hostLines({ sockets: 2, cores: 16 }, [byol("i-a", null)]);
    expect(unknown.quantity).toBe(expected(2, 16));
    expect(unknown.flags).toHaveLength(1);
    expect(hostLines({ sockets: null, cores: 16 })[0].quantity).toBeNull();
  });

  it("the instance on the host points to the host's line", () => {
    const lines = licenceRequirements({
      hosts: [{ id: "h-1", sockets: 2, cores: 48 }],
      instances: [byol("i-a", "Datacenter")],
    });
    expect(lines.map((l) => [l.resource.id, l.ruleId, l.quantity])).toEqual([
      ["i-a", "windows-covered-by-host", 0],
      ["h-1", "windows-byol-host-cores", expected(2, 48)],
    ]);
  });

  it("hosts carry no Windows line for licence-included instances", () => {
    const included = { ...byol("i-a", "Datacenter"), usageOperation: "RunInstances:0002" };
    expect(hostLines({ sockets: 2, cores: 48 }, [included])).toEqual([]);
  });
});

describe("Windows Server on an instance", () => {
  it("licence-included needs none", () => {
    const [l] = ec2InstanceRequirements(ec2({ vcpus: 4, usageOperation: "RunInstances:0002" }));
    expect(l).toMatchObject({
      product: "windows-server",
      quantity: 0,
      basis: "licence included",
      ruleId: "windows-licence-included",
    });
  });

  it("BYOL off a dedicated host, and an unknown billing code, give no figure and say why", () => {
    const [shared] = ec2InstanceRequirements(
      ec2({ vcpus: 4, usageOperation: "RunInstances:0800", tenancy: "default" }),
    );
    expect(shared).toMatchObject({ quantity: null, basis: "BYOL", ruleId: "windows-byol-not-on-host" });
    const [unknown] = ec2InstanceRequirements(
      ec2({ vcpus: 4, usageOperation: null, products: [match("windows-server", "Standard")] }),
    );
    expect(unknown).toMatchObject({
      quantity: null,
      basis: "unknown",
      edition: "Standard",
      ruleId: "windows-licence-model-unknown",
    });
  });
});
