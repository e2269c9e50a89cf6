import { describe, expect, it } from "vitest";
import { normalizeProxyUrl, parseProxyUrl, proxyAddress, proxyUrlSchema, proxyUrlWithCredentials } from "./proxy";

describe("proxy URL normalisation", () => {
  it.each([
    ["http://proxy.corp:3128", "http://proxy.corp:3128"],
    ["https://proxy.corp:8443", "https://proxy.corp:8443"],
    ["HTTP://Proxy.Corp:3128/", "http://proxy.corp:3128"],
    ["10.0.0.5:8080", "http://10.0.0.5:8080"],
    ["proxy.corp:3128", "http://proxy.corp:3128"],
    ["proxy.corp", "http://proxy.corp:80"],
    ["http://proxy.corp", "http://proxy.corp:80"],
    ["https://proxy.corp", "https://proxy.corp:443"],
    ["http://proxy.corp:80", "http://proxy.corp:80"],
    ["  10.1.2.3:3128  ", "http://10.1.2.3:3128"],
    ["[::1]:3128", "http://[::1]:3128"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeProxyUrl(input)).toBe(expected);
  });

  it("refuses credentials inside the URL, with or without a scheme", () => {
    for (const input of ["http://user:pass@proxy:3128", "user:pass@10.0.0.1:8080", "https://user@proxy:443"]) {
      const result = parseProxyUrl(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/username and password in their own fields/);
    }
  });

  it("refuses other schemes, paths, bad ports and empty input with a clear message", () => {
    expect(parseProxyUrl("socks5://proxy:1080")).toEqual({
      ok: false,
      error: expect.stringMatching(/only http and https.*socks5/),
    });
    expect(parseProxyUrl("ftp://proxy:21")).toMatchObject({ ok: false });
    expect(parseProxyUrl("http://proxy:3128/path")).toEqual({ ok: false, error: expect.stringMatching(/no path/) });
    expect(parseProxyUrl("http://proxy:99999")).toMatchObject({ ok: false });
    expect(parseProxyUrl("http://proxy:0")).toMatchObject({ ok: false });
    expect(parseProxyUrl("")).toEqual({ ok: false, error: "Proxy: enter the proxy address" });
    expect(parseProxyUrl("my proxy:80")).toMatchObject({ ok: false });
    expect(() => normalizeProxyUrl("socks://x:1")).toThrow(/only http and https/);
  });

  it("works as a zod schema that normalises or reports the message", () => {
    expect(proxyUrlSchema.parse("10.0.0.5:8080")).toBe("http://10.0.0.5:8080");
    const bad = proxyUrlSchema.safeParse("http://u:p@proxy:1");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/own fields/);
  });

  it("URL-encodes the separate username and password for the agent", () => {
    const url = proxyUrlWithCredentials({ url: "proxy.corp:3128", username: "dom\\user", password: "p@ss:w/rd%" });
    expect(url).toBe("http://dom%5Cuser:p%40ss%3Aw%2Frd%25@proxy.corp:3128/");
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.username)).toBe("dom\\user");
    expect(decodeURIComponent(parsed.password)).toBe("p@ss:w/rd%");
    expect(proxyAddress({ url: "https://proxy.corp" })).toEqual({ host: "proxy.corp", port: 443 });
  });
});
