import { describe, expect, it } from "vitest";
import { vcpuSeries } from "./vcpu-series";

const snap = (connectionId: string, at: string, runningVcpus: number, scope = "connection") => ({
  connectionId,
  scope,
  takenAt: new Date(at),
  runningVcpus,
  totalVcpus: runningVcpus + 1,
  instances: 1,
});
const whole = (connectionId: string, at: string, runningVcpus: number) => snap(connectionId, at, runningVcpus, "all");

describe("vcpuSeries", () => {
  it("takes the latest whole-inventory snapshot per hour, whichever connection's run took it: shared resources count once", () => {
    const series = vcpuSeries(
      [
        whole("a", "2026-10-01T00:00:00Z", 5),
        whole("b", "2026-11-01T10:05:00Z", 10),
        whole("a", "2026-11-01T10:50:00Z", 12),
        whole("b", "2026-11-01T12:00:00Z", 20),
      ],
      new Date("2026-10-20T00:00:00Z"),
      new Date("2026-11-03T00:00:00Z"),
    );
    expect(series.points.map((p) => [p.at, p.runningVcpus])).toEqual([
      ["2026-11-01T10:00:00.000Z", 12],
      ["2026-11-01T12:00:00.000Z", 20],
    ]);
  });

  it("after an upgrade, per-connection history adds up until the first whole-inventory snapshot", () => {
    const series = vcpuSeries(
      [
        snap("a", "2026-11-01T10:00:00Z", 10),
        snap("b", "2026-11-01T11:00:00Z", 20),
        whole("a", "2026-11-01T12:00:00Z", 25),
      ],
      new Date("2026-10-20T00:00:00Z"),
      new Date("2026-11-03T00:00:00Z"),
    );
    expect(series.points.map((p) => p.runningVcpus)).toEqual([10, 30, 25]);
  });

  it("sums each connection's latest snapshot per hour, carrying earlier ones forward (per-connection history)", () => {
    const series = vcpuSeries(
      [
        snap("a", "2026-10-01T00:00:00Z", 5),
        snap("a", "2026-11-01T10:05:00Z", 10),
        snap("a", "2026-11-01T10:50:00Z", 12),
        snap("b", "2026-11-01T12:00:00Z", 20),
        snap("a", "2026-11-02T00:00:00Z", 2),
      ],
      new Date("2026-10-20T00:00:00Z"),
      new Date("2026-11-03T00:00:00Z"),
    );
    expect(series.points.map((p) => [p.at, p.runningVcpus])).toEqual([
      ["2026-11-01T10:00:00.000Z", 12],
      ["2026-11-01T12:00:00.000Z", 32],
      ["2026-11-02T00:00:00.000Z", 22],
    ]);
    expect(series.peak).toMatchObject({ at: "2026-11-01T12:00:00.000Z", runningVcpus: 32 });
  });
});
