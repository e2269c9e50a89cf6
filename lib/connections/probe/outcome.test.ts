import { describe, expect, it } from "vitest";
import { CheckLog } from "./check-log";
import { outcomeOf } from "./outcome";
import type { CheckEvent } from "./types";

const e = (id: string, step: CheckEvent["step"], status: CheckEvent["status"]): CheckEvent => ({
  id,
  step,
  label: id,
  status,
});

describe("Test Connection outcome", () => {
  it("passes when everything is ok, and a region that is not enabled does not lower it", () => {
    expect(
      outcomeOf(
        [
          e("identity", "identity", "ok"),
          e("region:1:me-south-1", "regions", "region-not-enabled"),
          e("api:1", "api", "ok"),
        ],
        1,
      ),
    ).toBe("passed");
  });

  it("warns for denied, throttled or failed cells and for discovery warnings", () => {
    expect(outcomeOf([e("identity", "identity", "ok"), e("api:1", "api", "denied")], 1)).toBe("passed-with-warnings");
    expect(outcomeOf([e("identity", "identity", "ok"), e("api:1", "api", "throttled")], 1)).toBe(
      "passed-with-warnings",
    );
    expect(outcomeOf([e("discovery", "discovery", "warning"), e("api:1", "api", "ok")], 1)).toBe(
      "passed-with-warnings",
    );
    expect(outcomeOf([e("account:2", "account", "assume-role-failed"), e("account:1", "account", "ok")], 1)).toBe(
      "passed-with-warnings",
    );
  });

  it("fails when a step everything depends on fails, or no account was reached", () => {
    for (const step of ["mfa", "identity", "chain", "discovery", "aggregator"] as const)
      expect(outcomeOf([e(step, step, "error")], 1), step).toBe("failed");
    expect(outcomeOf([e("identity", "identity", "ok"), e("account:1", "account", "assume-role-failed")], 0)).toBe(
      "failed",
    );
  });
});

describe("CheckLog", () => {
  it("emits running then the final state, keeps one entry per id, and survives a failing listener", async () => {
    const seen: string[] = [];
    const log = new CheckLog(
      (event) => {
        seen.push(`${event.id}:${event.status}`);
        throw new Error("closed stream");
      },
      new AbortController().signal,
      () => ({ status: "denied", errorCode: "AccessDenied", action: "x:Y", message: "no", hint: "allow it" }),
      "deadline",
    );
    const ok = await log.check(
      { id: "a", step: "api", label: "A" },
      async () => 3,
      (n) => ({ details: { n } }),
    );
    const failed = await log.check({ id: "b", step: "api", label: "B", action: "x:Y" }, async () => {
      throw new Error("denied");
    });
    expect(ok).toEqual({ ok: true, value: 3 });
    expect(failed).toEqual({ ok: false, status: "denied" });
    expect(seen).toEqual(["a:running", "a:ok", "b:running", "b:denied"]);
    expect(log.events()).toEqual([
      { id: "a", step: "api", label: "A", status: "ok", details: { n: 3 } },
      {
        id: "b",
        step: "api",
        label: "B",
        action: "x:Y",
        status: "denied",
        errorCode: "AccessDenied",
        message: "no",
        hint: "allow it",
      },
    ]);
  });

  it("ends a check still running at the deadline and skips the ones not started", async () => {
    const controller = new AbortController();
    const log = new CheckLog(
      undefined,
      controller.signal,
      () => ({ status: "error", errorCode: "X", action: "", message: "", hint: "" }),
      "The test stopped",
    );
    const pending = log.check({ id: "slow", step: "api", label: "slow" }, () => new Promise(() => {}));
    controller.abort();
    expect(await pending).toEqual({ ok: false, status: "network-error" });
    expect(await log.check({ id: "later", step: "api", label: "later" }, async () => 1)).toEqual({
      ok: false,
      status: "skipped",
    });
    expect(log.events().map((x) => [x.id, x.status, x.errorCode])).toEqual([
      ["slow", "network-error", "DeadlineExceeded"],
      ["later", "skipped", undefined],
    ]);
  });
});
