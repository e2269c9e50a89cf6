// Issue 10 item 3: a stored secret only ever goes to the destination it was stored with. A
// plain TCP listener on 127.0.0.1 plays the changed endpoint and the changed proxy: it answers
// CONNECT with 200 (so it sees the tunnelled plain-http requests whole), denies every AWS call,
// and keeps every byte it receives.
import crypto from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, updateConnection } from "@/lib/connections/save-connection";
import { storeMfaSession } from "@/lib/connections/load-settings";
import { testConnection } from "@/lib/connections/test-connection";
import { getDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { DEMO_NAMES } from "@/simulator/src/index";
import { type DemoSim, demoWorldWithSharedExternalId, SHARED_EXTERNAL_ID, startDemo } from "./aws-fixtures";

type Seen = { method: string; target: string; headers: Record<string, string> };

class Listener {
  raw: Buffer[] = [];
  requests: Seen[] = [];
  private server = net.createServer((socket) => this.serve(socket));
  url = "";

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset() {
    this.raw = [];
    this.requests = [];
  }

  text() {
    return Buffer.concat(this.raw).toString("latin1");
  }

  private serve(socket: net.Socket) {
    let buffer = Buffer.alloc(0);
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      this.raw.push(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const [line, ...lines] = buffer.subarray(0, end).toString("latin1").split("\r\n");
        const headers = Object.fromEntries(
          lines.map((h) => [h.slice(0, h.indexOf(":")).toLowerCase(), h.slice(h.indexOf(":") + 1).trim()]),
        );
        const length = Number(headers["content-length"] ?? 0);
        if (buffer.length < end + 4 + length) return;
        buffer = buffer.subarray(end + 4 + length);
        const [method, target] = line.split(" ");
        this.requests.push({ method, target, headers });
        if (method === "CONNECT") {
          socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
          continue;
        }
        const body =
          "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>listener</Message></Error><RequestId>1</RequestId></ErrorResponse>";
        socket.end(
          `HTTP/1.1 403 Forbidden\r\nContent-Type: text/xml\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
        return;
      }
    });
  }
}

const context = { actor: null, ip: null };
const tag = crypto.randomBytes(6).toString("hex");
const STORED_TOKEN = `CANARYtoken${tag}`;
const STORED_PROXY_PASSWORD = `CANARYproxy${tag}`;
const MFA_SECRET = `CANARYmfasecret${tag}`;
const MFA_TOKEN = `CANARYmfatoken${tag}`;
const PROXY_USER = "cirrus-proxy";

let demo: DemoSim;
let listener: Listener;
let collector: { accessKeyId: string; secretAccessKey: string };

beforeAll(async () => {
  demo = await startDemo(demoWorldWithSharedExternalId());
  collector = demo.user(DEMO_NAMES.collectorUser);
  listener = new Listener();
  await listener.start();
});
afterAll(async () => {
  await listener?.close();
  await demo?.sim.close();
});

// A stored connection to the simulator with every kind of stored secret: the collector's working
// key, a session token, a proxy password and a live MFA session (temporary credentials).
async function storedConnection() {
  const input = {
    name: `leak-${crypto.randomBytes(4).toString("hex")}`,
    credentialSource: "access-key",
    accessKeyId: collector.accessKeyId,
    secretAccessKey: collector.secretAccessKey,
    sessionToken: STORED_TOKEN,
    mfaSerial: "arn:aws:iam::111111111111:mfa/cirrus-mfa",
    externalId: SHARED_EXTERNAL_ID,
    accountMode: "organizations",
    memberRoleName: "CirrusInventoryRole",
    regionMode: "list",
    regions: ["us-east-1"],
    endpointUrl: demo.url,
    proxyUrl: "127.0.0.1:9",
    proxyUsername: PROXY_USER,
    proxyPassword: STORED_PROXY_PASSWORD,
  };
  const { id } = await createConnection(input, context);
  await storeMfaSession(id, {
    accessKeyId: "ASIAMFASESSION000001",
    secretAccessKey: MFA_SECRET,
    sessionToken: MFA_TOKEN,
    expiration: new Date(Date.now() + 3_600_000),
  });
  // What the form sends back on edit: the stored settings, secrets blank.
  const form = { ...input, secretAccessKey: "", sessionToken: "", proxyPassword: "" };
  return { id, form };
}

// The listener is checked first, so on code that leaks the failure names what leaked.
async function refusedUnsent(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expectNoStoredSecret();
  expect(listener.requests).toEqual([]);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

// Nothing stored may appear in what the listener received, in any encoding.
function expectNoStoredSecret() {
  const raw = listener.text();
  const base64 = (text: string) => Buffer.from(text).toString("base64");
  for (const secret of [collector.secretAccessKey, STORED_TOKEN, STORED_PROXY_PASSWORD, MFA_SECRET, MFA_TOKEN]) {
    for (const form of [secret, encodeURIComponent(secret), base64(secret), base64(`${PROXY_USER}:${secret}`)])
      expect(raw).not.toContain(form);
  }
  for (const request of listener.requests) {
    expect(request.headers["x-amz-security-token"]).toBeUndefined();
    const proxyAuth = request.headers["proxy-authorization"]?.replace(/^Basic /, "") ?? "";
    expect(Buffer.from(proxyAuth, "base64").toString()).not.toContain(STORED_PROXY_PASSWORD);
    expect(request.headers.authorization ?? "").not.toContain(collector.accessKeyId);
    expect(request.headers.authorization ?? "").not.toContain("ASIAMFASESSION000001");
  }
}

describe("Test Connection never sends stored secrets to a changed destination", () => {
  it("a changed endpoint gets no stored secret key, session token or MFA session: the form asks for them again", async () => {
    const { id, form } = await storedConnection();
    listener.reset();
    const errors = await refusedUnsent(
      testConnection(
        { connectionId: id, input: { ...form, endpointUrl: listener.url, proxyUrl: "" } },
        null,
        null,
        () => {},
      ),
    );
    expect(errors.secretAccessKey).toEqual(["The endpoint changed: enter the secret access key again"]);
    expect(errors.sessionToken).toEqual(["The endpoint changed: enter the session token again, or remove it"]);
  });

  it("a changed proxy gets no stored proxy password, secret key, session token or MFA session", async () => {
    const { id, form } = await storedConnection();
    listener.reset();
    const errors = await refusedUnsent(
      testConnection({ connectionId: id, input: { ...form, proxyUrl: listener.url } }, null, null, () => {}),
    );
    expect(errors.proxyPassword).toEqual(["The proxy changed: enter the proxy password again, or remove it"]);
    expect(errors.secretAccessKey).toEqual(["The proxy changed: enter the secret access key again"]);
  });

  it("a changed endpoint with a typed key reaches the listener without any stored secret or temporary credentials", async () => {
    const { id, form } = await storedConnection();
    listener.reset();
    const typed = {
      accessKeyId: "AKIATYPEDAGAIN000001",
      secretAccessKey: "typed-again-secret",
      clearSessionToken: true,
      mfaSerial: "",
    };
    const result = await testConnection(
      { connectionId: id, input: { ...form, ...typed, endpointUrl: listener.url, proxyUrl: "" } },
      null,
      null,
      () => {},
    );
    expect(result).toEqual({ outcome: "failed", recorded: false });
    expect(listener.requests.length).toBeGreaterThan(0);
    expectNoStoredSecret();
  });

  it("a changed proxy with a typed key and no proxy password tunnels nothing stored through the listener", async () => {
    const { id, form } = await storedConnection();
    listener.reset();
    const typed = {
      accessKeyId: "AKIATYPEDAGAIN000001",
      secretAccessKey: "typed-again-secret",
      clearSessionToken: true,
      clearProxyPassword: true,
      mfaSerial: "",
    };
    const result = await testConnection(
      { connectionId: id, input: { ...form, ...typed, proxyUrl: listener.url } },
      null,
      null,
      () => {},
    );
    expect(result.recorded).toBe(false);
    expect(listener.requests.some((request) => request.method === "CONNECT")).toBe(true);
    expect(listener.requests.some((request) => request.method !== "CONNECT")).toBe(true);
    expectNoStoredSecret();
  });
});

describe("saving an edit that changes the destination asks for the secrets again", () => {
  it("a changed endpoint or proxy without the secrets is refused with field errors and nothing is saved", async () => {
    const { id, form } = await storedConnection();
    const before = await getDb().connection.findUniqueOrThrow({ where: { id } });
    const endpoint = await fieldErrorsOf(updateConnection(id, { ...form, endpointUrl: listener.url }, context));
    expect(Object.keys(endpoint).sort()).toEqual(["secretAccessKey", "sessionToken"]);
    const proxy = await fieldErrorsOf(updateConnection(id, { ...form, proxyUrl: listener.url }, context));
    expect(Object.keys(proxy).sort()).toEqual(["proxyPassword", "secretAccessKey", "sessionToken"]);
    expect(await getDb().connection.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("with the secrets typed again the edit saves them and drops the old MFA session", async () => {
    const { id, form } = await storedConnection();
    const before = await getDb().connection.findUniqueOrThrow({ where: { id } });
    await updateConnection(
      id,
      { ...form, endpointUrl: listener.url, secretAccessKey: "typed-again-secret", clearSessionToken: true },
      context,
    );
    const after = await getDb().connection.findUniqueOrThrow({ where: { id } });
    expect(after.secretAccessKeyEnc).not.toBe(before.secretAccessKeyEnc);
    expect(after.sessionTokenEnc).toBeNull();
    expect(after.mfaSessionEnc).toBeNull();
    expect(after.proxyPasswordEnc).toBe(before.proxyPasswordEnc);
  });
});
