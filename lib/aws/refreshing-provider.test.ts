import { describe, expect, it } from "vitest";
import { refreshingProvider } from "./refreshing-provider";

describe("refreshing credentials", () => {
  it("shares one fetch, reuses it, and renews five minutes before expiry", async () => {
    let now = 1_000_000;
    let fetches = 0;
    const provider = refreshingProvider(
      async () => {
        fetches++;
        return { accessKeyId: `ASIA${fetches}`, secretAccessKey: "s", expiration: new Date(now + 3600_000) };
      },
      { now: () => now },
    );
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(fetches).toBe(1);
    expect(a).toBe(b);
    now += 3600_000 - 6 * 60_000;
    expect((await provider()).accessKeyId).toBe("ASIA1");
    now += 2 * 60_000;
    expect((await provider()).accessKeyId).toBe("ASIA2");
  });

  it("does not cache a failure", async () => {
    let calls = 0;
    const provider = refreshingProvider(async () => {
      if (++calls === 1) throw new Error("denied");
      return { accessKeyId: "AKIA", secretAccessKey: "s" };
    });
    await expect(provider()).rejects.toThrow("denied");
    expect((await provider()).accessKeyId).toBe("AKIA");
  });
});
