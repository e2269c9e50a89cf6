import { describe, expect, it } from "vitest";
import { effectiveTokenRole } from "./effective-role";

const active = (role: string) => ({ role, disabledAt: null });

describe("effectiveTokenRole", () => {
  it("an admin token of a creator demoted to viewer acts as viewer", () => {
    expect(effectiveTokenRole("admin", active("viewer"))).toBe("viewer");
    expect(effectiveTokenRole("viewer", active("admin"))).toBe("viewer");
    expect(effectiveTokenRole("admin", active("admin"))).toBe("admin");
  });

  it("a disabled or deleted creator's token does nothing", () => {
    expect(effectiveTokenRole("admin", { role: "admin", disabledAt: new Date() })).toBeNull();
    expect(effectiveTokenRole("viewer", null)).toBeNull();
  });

  it("a token made on the server without a creator keeps its own role", () => {
    expect(effectiveTokenRole("admin", undefined)).toBe("admin");
  });

  it("an unknown creator role counts as viewer, never admin", () => {
    expect(effectiveTokenRole("admin", active("owner"))).toBe("viewer");
  });
});
