import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, rejectBadServerAction } from "./action-request-guard";

const action = (headers: Record<string, string>, url = "http://cirrus.test/connections", method = "POST") =>
  new Request(url, {
    method,
    headers: { host: "cirrus.test", "next-action": "7f00", "content-type": "text/plain;charset=UTF-8", ...headers },
  });

async function rejected(request: Request) {
  const response = rejectBadServerAction(request);
  return response && { status: response.status, body: await response.json() };
}

describe("rejectBadServerAction", () => {
  it("a server action body over 1 MB answers 413 naming body (Next answers 500)", async () => {
    const answer = await rejected(action({ origin: "http://cirrus.test", "content-length": String(2 * 1024 * 1024) }));
    expect(answer).toEqual({
      status: 413,
      body: {
        error: {
          code: "payloadtoolarge",
          message: expect.any(String),
          fieldErrors: { body: [expect.stringContaining(String(ACTION_BODY_LIMIT_BYTES))] },
        },
      },
    });
    expect((await rejected(action({ "content-length": "1e9" })))?.status).toBe(413);
    expect(
      await rejected(action({ origin: "http://cirrus.test", "content-length": String(ACTION_BODY_LIMIT_BYTES) })),
    ).toBeNull();
  });

  it("a cross-origin server action answers 403 naming origin (Next answers 500)", async () => {
    for (const origin of ["http://evil.example", "null", "http://cirrus.test.evil.example", "not a url"]) {
      const answer = await rejected(action({ origin, "content-length": "10" }));
      expect(answer, origin).toEqual({
        status: 403,
        body: {
          error: { code: "forbidden", message: expect.any(String), fieldErrors: { origin: [expect.any(String)] } },
        },
      });
    }
    // A form posted before hydration has no Next-Action header; it is an action all the same.
    const form = new Request("http://cirrus.test/users", {
      method: "POST",
      headers: {
        host: "cirrus.test",
        origin: "http://evil.example",
        "content-type": "multipart/form-data; boundary=x",
      },
    });
    expect((await rejected(form))?.status).toBe(403);
  });

  it("lets same-origin actions, forwarded hosts, origin-less requests, GETs and API routes through", async () => {
    expect(await rejected(action({ origin: "http://cirrus.test", "content-length": "10" }))).toBeNull();
    expect(await rejected(action({ origin: "http://CIRRUS.test" }))).toBeNull();
    expect(
      await rejected(
        action({ origin: "https://cirrus.example.com", "x-forwarded-host": "cirrus.example.com, proxy.internal" }),
      ),
    ).toBeNull();
    expect(await rejected(action({ "content-length": "10" }))).toBeNull();
    expect(
      await rejected(new Request("http://cirrus.test/runs", { headers: { origin: "http://evil.example" } })),
    ).toBeNull();
    const api = new Request("http://cirrus.test/api/auth/callback/credentials", {
      method: "POST",
      headers: {
        host: "cirrus.test",
        origin: "http://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(await rejected(api)).toBeNull();
  });
});
