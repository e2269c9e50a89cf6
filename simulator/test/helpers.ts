// Shared test helpers: start a simulator in-process and build SDK client configs for the
// world's principals.
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "./sha256";
import { buildPreset, startSimulator, type RunningSimulator, type WorldSpec } from "../src/index";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestSim {
  sim: RunningSimulator;
  url: string;
  spec: WorldSpec;
  creds: ReturnType<RunningSimulator["control"]["credentials"]>;
  /** Long-term keys of a world user by name. */
  user(name: string): Keys;
  /** Client config for the given keys and region; maxAttempts 1 so errors surface at once. */
  cfg(keys: Keys, region?: string): { endpoint: string; region: string; credentials: Keys; maxAttempts: number };
  memberRole(account: string): { arn: string; externalId: string };
}

export async function startTestSim(spec: WorldSpec = buildPreset("demo")): Promise<TestSim> {
  const sim = await startSimulator({ world: spec });
  const creds = sim.control.credentials();
  return {
    sim,
    url: sim.url,
    spec,
    creds,
    user(name) {
      const u = creds.users.find((x) => x.name === name);
      if (!u) throw new Error(`no user ${name}`);
      return { accessKeyId: u.accessKeyId, secretAccessKey: u.secretAccessKey };
    },
    cfg: (keys, region = "us-east-1") => ({ endpoint: sim.url, region, credentials: keys, maxAttempts: 1 }),
    memberRole(account) {
      const r = creds.roles.find((x) => x.account === account);
      if (!r?.externalId) throw new Error(`no member role in ${account}`);
      return { arn: r.arn, externalId: r.externalId };
    },
  };
}

/** Keys of temporary credentials returned by STS. */
export function keysOf(c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined): Keys {
  return { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken };
}

/**
 * Sends a request signed by the SDK's own signer, for cases the SDK clients never produce
 * (a `; charset=utf-8` content type, unsigned requests) and to read raw bodies and headers.
 */
export async function signedFetch(
  url: string,
  o: { service: string; region: string; keys?: Keys; body: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Headers; text: string }> {
  const u = new URL(url);
  const headers: Record<string, string> = { host: u.host, ...o.headers };
  let signedHeaders = headers;
  if (o.keys) {
    const signer = new SignatureV4({ service: o.service, region: o.region, credentials: o.keys, sha256: Sha256 });
    const signed = await signer.sign({
      method: "POST",
      protocol: "http:",
      hostname: u.hostname,
      port: Number(u.port),
      path: "/",
      headers,
      body: o.body,
      query: {},
    } as never);
    signedHeaders = (signed as unknown as { headers: Record<string, string> }).headers;
  }
  // fetch sets Host itself (to the same value that was signed).
  const send = Object.fromEntries(Object.entries(signedHeaders).filter(([k]) => k.toLowerCase() !== "host"));
  const res = await fetch(url, { method: "POST", headers: send, body: o.body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Temporary keys of the member inventory role of `account`, assumed by cirrus-collector. */
export async function assumeMember(t: TestSim, account: string, sessionName = "test-session"): Promise<Keys> {
  const { STSClient, AssumeRoleCommand } = await import("@aws-sdk/client-sts");
  const role = t.memberRole(account);
  const out = await new STSClient(t.cfg(t.user("cirrus-collector"))).send(
    new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: sessionName, ExternalId: role.externalId }),
  );
  return keysOf(out.Credentials);
}

/** The error a call failed with, as the SDK surfaces it (name, HTTP status, message). */
export async function failure(p: Promise<unknown>): Promise<{ name?: string; status?: number; message?: string }> {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!e) throw new Error("expected the call to fail");
  return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
}
