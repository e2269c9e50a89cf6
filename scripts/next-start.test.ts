import { describe, expect, it } from "vitest";
import { LOOPBACK, NEXT_BIN, demoStartArgs, isLoopbackNetworkLine, nextStartArgs } from "./next-start.mjs";

function hostnameOf(args: string[]): string | undefined {
  const at = args.lastIndexOf("--hostname");
  return at === -1 ? undefined : args[at + 1];
}

describe("where next start listens", () => {
  it("npm run demo, which prints the admin password, listens on 127.0.0.1 only, not on every interface", () => {
    const args = demoStartArgs(3000);
    expect(args.slice(0, 2)).toEqual([NEXT_BIN, "start"]);
    expect(hostnameOf(args)).toBe(LOOPBACK);
    expect(LOOPBACK).toBe("127.0.0.1");
    expect(args).toEqual(expect.arrayContaining(["--port", "3000"]));
  });

  it("npm start listens where HOST says", () => {
    expect(hostnameOf(nextStartArgs({ host: "10.0.0.5" }))).toBe("10.0.0.5");
    expect(hostnameOf(nextStartArgs({ host: "::1" }))).toBe("::1");
    expect(hostnameOf(nextStartArgs({ host: "cirrus.internal" }))).toBe("cirrus.internal");
  });

  it("npm start without HOST keeps Next's default (every interface) and leaves PORT to Next", () => {
    expect(nextStartArgs({ host: undefined })).toEqual([NEXT_BIN, "start"]);
    expect(nextStartArgs({ host: "" })).toEqual([NEXT_BIN, "start"]);
  });

  it("options after `npm start --` win over HOST", () => {
    const args = nextStartArgs({ host: "127.0.0.1", extra: ["-H", "0.0.0.0", "-p", "4000"] });
    expect(args).toEqual([NEXT_BIN, "start", "--hostname", "127.0.0.1", "-H", "0.0.0.0", "-p", "4000"]);
  });

  it("refuses a HOST that is a URL or carries a port", () => {
    expect(() => nextStartArgs({ host: "http://example.test" })).toThrow(/HOST must be a host name or IP address/);
    expect(() => nextStartArgs({ host: "example.test:3000" })).toThrow(/HOST must be/);
    expect(() => nextStartArgs({ host: "a b" })).toThrow(/HOST must be/);
  });

  it("the demo hides Next's loopback 'Network:' line only, never a LAN address", () => {
    expect(isLoopbackNetworkLine("- Network:       http://127.0.0.1:3000")).toBe(true);
    expect(isLoopbackNetworkLine("\x1b[2m- Network:       http://127.0.0.1:3000\x1b[22m")).toBe(true);
    expect(isLoopbackNetworkLine("- Network:       http://192.168.1.20:3000")).toBe(false);
    expect(isLoopbackNetworkLine("- Local:         http://127.0.0.1:3000")).toBe(false);
  });
});
