import { describe, expect, it } from "vitest";
import { softwareStatus } from "./software-status";

const now = new Date("2025-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const online = { pingStatus: "Online", lastPingAt: daysAgo(0), lastInventoryAt: daysAgo(1) };

describe("softwareStatus", () => {
  it("knows an online node with a recent inventory", () => {
    expect(softwareStatus({ node: online, cellRead: true, now, staleDays: 7 })).toEqual({ known: true });
  });

  it("says why the software is unknown, the unread cell first", () => {
    const reason = (input: Partial<Parameters<typeof softwareStatus>[0]>) => {
      const status = softwareStatus({ node: online, cellRead: true, now, staleDays: 7, ...input });
      return status.known ? "known" : status.reason;
    };
    expect(reason({ cellRead: false })).toBe("software-not-read");
    expect(reason({ cellRead: false, node: undefined })).toBe("software-not-read");
    expect(reason({ node: undefined })).toBe("not-managed");
    expect(reason({ node: undefined, instanceState: "stopped" })).toBe("not-managed");
    expect(reason({ node: { ...online, pingStatus: "ConnectionLost" } })).toBe("agent-not-online");
    expect(reason({ node: { ...online, lastInventoryAt: daysAgo(8) } })).toBe("inventory-outdated");
    expect(reason({ node: { ...online, lastInventoryAt: null } })).toBe("inventory-outdated");
    expect(reason({ node: { ...online, lastInventoryAt: daysAgo(8) }, staleDays: 10 })).toBe("known");
  });

  it("says a stopped instance's agent cannot report, rather than only that none does", () => {
    const detail = (instanceState: string) => {
      const status = softwareStatus({ node: undefined, cellRead: true, instanceState, now, staleDays: 7 });
      return status.known ? "known" : status.detail;
    };
    expect(detail("stopped")).toContain("stopped");
    expect(detail("running")).not.toContain("running");
  });
});
