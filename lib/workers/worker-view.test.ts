import { describe, expect, it } from "vitest";
import { shownStatus, throughputOf, type WorkerFacts } from "./worker-view";

const startedAt = new Date("2026-01-01T10:00:00Z");
const worker = (over: Partial<WorkerFacts> = {}): WorkerFacts => ({
  status: "running",
  startedAt,
  heartbeatAt: new Date("2026-01-01T10:04:00Z"),
  stoppedAt: null,
  jobsDone: 12,
  itemsDone: 600,
  ...over,
});

describe("shownStatus", () => {
  it("keeps what a live worker says and calls a silent running or draining one gone", () => {
    expect(shownStatus("running", true)).toBe("running");
    expect(shownStatus("draining", true)).toBe("draining");
    expect(shownStatus("running", false)).toBe("gone");
    expect(shownStatus("draining", false)).toBe("gone");
    expect(shownStatus("gone", false)).toBe("gone");
  });

  it("keeps a stopped worker stopped, heartbeat or not", () => {
    expect(shownStatus("stopped", false)).toBe("stopped");
    expect(shownStatus("stopped", true)).toBe("stopped");
  });
});

describe("throughputOf", () => {
  it("divides a live worker's counters by its minutes up to now", () => {
    const now = new Date("2026-01-01T10:06:00Z");
    expect(throughputOf(worker(), true, now)).toEqual({ itemsPerMinute: 600 / 6, jobsPerMinute: 12 / 6 });
  });

  it("stops the clock at the last heartbeat of a gone worker and at the stop of a stopped one", () => {
    const muchLater = new Date("2026-01-02T00:00:00Z");
    expect(throughputOf(worker(), false, muchLater)).toEqual({ itemsPerMinute: 600 / 4, jobsPerMinute: 12 / 4 });
    const stopped = worker({ status: "stopped", stoppedAt: new Date("2026-01-01T10:03:00Z") });
    expect(throughputOf(stopped, false, muchLater)).toEqual({ itemsPerMinute: 600 / 3, jobsPerMinute: 12 / 3 });
  });

  it("gives no rate for a worker that has lived under a second", () => {
    expect(throughputOf(worker(), true, new Date(startedAt.getTime() + 500))).toEqual({
      itemsPerMinute: null,
      jobsPerMinute: null,
    });
  });
});
