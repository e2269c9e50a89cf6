// A connection through an authenticated HTTP proxy (proxy-chain on 127.0.0.1), and a wrong proxy
// password reported as a proxy error.
import { Server } from "proxy-chain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsSession } from "@/lib/aws/session";
import { runConnectionTest } from "@/lib/connections/probe";
import {
  type DemoSim,
  demoWorldWithSharedExternalId,
  event,
  problems,
  SHARED_EXTERNAL_ID,
  startDemo,
} from "./aws-fixtures";

const USERNAME = "cirrus-proxy";
const PASSWORD = "pr0xy:p@ss/word";

let demo: DemoSim;
let proxy: Server;
const seen = { authorized: 0, refused: 0, targets: new Set<string>() };

beforeAll(async () => {
  demo = await startDemo(demoWorldWithSharedExternalId());
  proxy = new Server({
    port: 0,
    host: "127.0.0.1",
    prepareRequestFunction: ({ username, password, hostname, port }) => {
      if (username !== USERNAME || password !== PASSWORD) {
        seen.refused++;
        return { requestAuthentication: true };
      }
      seen.authorized++;
      seen.targets.add(`${hostname}:${port}`);
      return {};
    },
  });
  await proxy.listen();
});
afterAll(async () => {
  await proxy?.close(true);
  await demo?.sim.close();
});

describe("proxy", () => {
  it("every call goes through the authenticated proxy, and the test passes", async () => {
    demo.sim.control.resetStats();
    const report = await runConnectionTest(
      demo.settings({
        proxy: { url: `127.0.0.1:${proxy.port}`, username: USERNAME, password: PASSWORD },
        accounts: {
          mode: "organizations",
          organizationalUnitIds: [],
          memberRoleName: "CirrusInventoryRole",
          excludeAccountIds: [],
        },
        externalId: SHARED_EXTERNAL_ID,
      }),
    );
    expect(problems(report)).toEqual([]);
    expect(report.outcome).toBe("passed");
    expect(seen.authorized).toBeGreaterThan(0);
    expect(seen.targets).toEqual(new Set([new URL(demo.url).host]));
    expect(proxy.stats.connectRequestCount).toBe(seen.authorized);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it("a wrong proxy password is a proxy error", async () => {
    const before = seen.refused;
    const report = await runConnectionTest(
      demo.settings({
        proxy: { url: `http://127.0.0.1:${proxy.port}`, username: USERNAME, password: "wrong-password" },
      }),
    );
    expect(report.outcome).toBe("failed");
    expect(event(report, "identity")).toMatchObject({
      status: "proxy-error",
      errorCode: "ProxyAuthenticationRequired",
      hint: expect.stringMatching(/proxy username and password/),
    });
    expect(seen.refused).toBeGreaterThan(before);
    expect(JSON.stringify(report)).not.toContain("wrong-password");
  });

  it("role credentials are fetched through the proxy too (the STS client of AssumeRole gets the same handler)", async () => {
    const session = createAwsSession(
      demo.settings({
        proxy: { url: `127.0.0.1:${proxy.port}`, username: USERNAME, password: "wrong-password" },
        externalId: SHARED_EXTERNAL_ID,
      }),
    );
    try {
      await expect(
        session.roleCredentials("arn:aws:iam::222222222222:role/CirrusInventoryRole")(),
      ).rejects.toMatchObject({ info: { status: "proxy-error", action: "sts:AssumeRole" } });
    } finally {
      session.destroy();
    }
  });

  it("a proxy that is not listening is a proxy error, not an AWS one", async () => {
    const closed = new Server({ port: 0, host: "127.0.0.1" });
    await closed.listen();
    const port = closed.port;
    await closed.close(true);
    const report = await runConnectionTest(demo.settings({ proxy: { url: `127.0.0.1:${port}` } }), {
      connectionTimeoutMs: 1_000,
    });
    expect(report.outcome).toBe("failed");
    expect(event(report, "identity")).toMatchObject({ status: "proxy-error", errorCode: "ECONNREFUSED" });
  });
});
