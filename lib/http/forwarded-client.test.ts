import { describe, expect, it } from "vitest";
import { isProxyEntry, normaliseIp, resolveClientIp, splitProxyList, trustedProxyList } from "./forwarded-client";

const none = trustedProxyList([]);
const proxies = trustedProxyList(["127.0.0.1", "10.0.0.0/8", "fd00::/8"]);

describe("client address", () => {
  it("a spoofed X-Forwarded-For is ignored when no proxy is trusted: the socket peer is the client", () => {
    expect(resolveClientIp("198.51.100.7", "203.0.113.9", none)).toBe("198.51.100.7");
    expect(resolveClientIp("::ffff:198.51.100.7", "203.0.113.9, 10.0.0.1", none)).toBe("198.51.100.7");
    expect(resolveClientIp("127.0.0.1", "203.0.113.9", none)).toBe("127.0.0.1");
  });

  it("a spoofed X-Forwarded-For is ignored from a peer that is not a trusted proxy", () => {
    expect(resolveClientIp("198.51.100.7", "203.0.113.9", proxies)).toBe("198.51.100.7");
  });

  it("behind trusted proxies, the right-most untrusted entry is the client; entries the client wrote are skipped", () => {
    expect(resolveClientIp("127.0.0.1", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client sent "X-Forwarded-For: 203.0.113.9"; the proxy appended the real address.
    expect(resolveClientIp("127.0.0.1", "203.0.113.9, 198.51.100.7", proxies)).toBe("198.51.100.7");
    // Two proxies in a chain.
    expect(resolveClientIp("10.0.0.2", "203.0.113.9, 198.51.100.7, 10.0.0.1", proxies)).toBe("198.51.100.7");
    expect(resolveClientIp("fd00::1", "2001:db8::5", proxies)).toBe("2001:db8::5");
  });

  it("behind a trusted proxy, garbage or a missing header never becomes the client's address", () => {
    expect(resolveClientIp("127.0.0.1", "not-an-ip", proxies)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "", proxies)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", null, proxies)).toBe("127.0.0.1");
    expect(resolveClientIp("10.0.0.2", "evil, 10.0.0.1", proxies)).toBe("10.0.0.1");
  });

  it("without a known peer the address is unknown, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp(undefined, "203.0.113.9", none)).toBeNull();
    expect(resolveClientIp("", "203.0.113.9", proxies)).toBeNull();
  });

  it("normalises addresses and reads ports off", () => {
    expect(normaliseIp(" ::FFFF:10.1.2.3 ")).toBe("10.1.2.3");
    expect(normaliseIp("10.1.2.3:5678")).toBe("10.1.2.3");
    expect(normaliseIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseIp("unknown")).toBeNull();
  });
});

describe("TRUSTED_PROXIES entries", () => {
  it("accepts IP addresses and CIDRs, separated by commas or spaces", () => {
    expect(splitProxyList(" 127.0.0.1, 10.0.0.0/8  ::1,fd00::/8 ")).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
    ]);
    expect(splitProxyList(undefined)).toEqual([]);
    for (const entry of ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "0.0.0.0/0"])
      expect(isProxyEntry(entry)).toBe(true);
  });

  it("refuses host names, bad prefixes and junk", () => {
    for (const entry of ["proxy.local", "10.0.0.0/33", "::1/129", "10.0.0.0/8/1", "10.0.0.0/", "10.0.0.0/x", "*"]) {
      expect(isProxyEntry(entry)).toBe(false);
    }
  });
});
