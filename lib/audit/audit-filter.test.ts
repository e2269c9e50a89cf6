import { describe, expect, it } from "vitest";
import { actionPrefix, auditFilterQuery, auditTimeRange, parseAuditFilter } from "./audit-filter";

describe("audit log filter from the URL", () => {
  it("keeps the known keys, trimmed, and drops empty ones", () => {
    const { filter, invalid } = parseAuditFilter(
      new URLSearchParams("actor=%20a@example.test%20&action=auth.&q=&page=3&other=x"),
    );
    expect(filter).toEqual({ actor: "a@example.test", action: "auth." });
    expect(invalid).toEqual([]);
  });

  it("reports a day that does not exist instead of rolling it into the next month", () => {
    const { filter, invalid } = parseAuditFilter({ from: "2026-02-31", to: "2026-03-01" });
    expect(filter).toEqual({ to: "2026-03-01" });
    expect(invalid).toEqual(["from"]);
  });

  it("includes the whole `to` day", () => {
    const range = auditTimeRange({ from: "2026-03-01", to: "2026-03-01" });
    expect(range.gte?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(range.lt?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });

  it("reads a trailing dot or star as an action family", () => {
    expect(actionPrefix("auth.")).toBe("auth.");
    expect(actionPrefix("auth.sign_in*")).toBe("auth.sign_in");
    expect(actionPrefix("auth.sign_in")).toBeNull();
  });

  it("writes the filter back in a stable order for links and the export", () => {
    expect(auditFilterQuery({ q: "x", actor: "a" }).toString()).toBe("actor=a&q=x");
  });
});
