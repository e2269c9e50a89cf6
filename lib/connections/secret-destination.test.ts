import { describe, expect, it } from "vitest";
import { reusableSecrets, secretsToReenter } from "./secret-destination";

const stored = {
  partition: "aws" as const,
  credentialSource: "access-key" as const,
  accessKeyId: "AKIAEXAMPLE000000001",
  endpointUrl: "https://vpce-1.sts.us-east-1.vpce.amazonaws.com",
  proxyUrl: "http://proxy.internal:3128",
};
const secrets = {
  secretAccessKey: "stored-secret",
  sessionToken: "stored-token",
  proxyPassword: "stored-proxy-password",
  mfaSession: {
    accessKeyId: "ASIA",
    secretAccessKey: "s",
    sessionToken: "t",
    expiration: new Date(Date.now() + 3_600_000),
  },
};
const flags = { secretAccessKey: true, sessionToken: true, proxyPassword: true };
const typedNothing = { clearSessionToken: false, clearProxyPassword: false };

describe("stored secrets go only to the destination they were stored with (issue 10 item 3)", () => {
  it("an unchanged destination reuses every stored secret", () => {
    expect(reusableSecrets(stored, { ...stored }, secrets)).toEqual(secrets);
    expect(secretsToReenter(stored, { ...stored, ...typedNothing }, flags)).toEqual({});
  });

  it.each([
    ["endpoint", { endpointUrl: "http://127.0.0.1:9999" }, "The endpoint changed"],
    ["endpoint removed (real AWS)", { endpointUrl: undefined }, "The endpoint changed"],
    ["partition", { partition: "aws-cn" as const }, "The partition changed"],
    ["access key ID", { accessKeyId: "AKIAEXAMPLE000000002" }, "The access key ID changed"],
    ["proxy", { proxyUrl: "http://127.0.0.1:9999" }, "The proxy changed"],
  ])("a changed %s drops the stored AWS secrets and asks for them again", (_label, change, reason) => {
    const after = { ...stored, ...change };
    const reused = reusableSecrets(stored, after, secrets);
    expect(reused.secretAccessKey).toBeUndefined();
    expect(reused.sessionToken).toBeUndefined();
    expect(reused.mfaSession).toBeUndefined();
    const errors = secretsToReenter(stored, { ...after, ...typedNothing }, flags);
    expect(errors.secretAccessKey).toEqual([`${reason}: enter the secret access key again`]);
    expect(errors.sessionToken).toEqual([`${reason}: enter the session token again, or remove it`]);
  });

  it("the proxy password is tied to the proxy URL only", () => {
    expect(reusableSecrets(stored, { ...stored, endpointUrl: "http://127.0.0.1:9999" }, secrets).proxyPassword).toBe(
      "stored-proxy-password",
    );
    expect(
      reusableSecrets(stored, { ...stored, proxyUrl: "http://127.0.0.1:9999" }, secrets).proxyPassword,
    ).toBeUndefined();
    const errors = secretsToReenter(stored, { ...stored, proxyUrl: "http://127.0.0.1:9999", ...typedNothing }, flags);
    expect(errors.proxyPassword).toEqual(["The proxy changed: enter the proxy password again, or remove it"]);
  });

  it("typing the secrets again, or removing them, satisfies the change", () => {
    const after = { ...stored, endpointUrl: "http://127.0.0.1:9999", proxyUrl: "http://127.0.0.1:9998" };
    expect(
      secretsToReenter(
        stored,
        { ...after, secretAccessKey: "new", sessionToken: "new", proxyPassword: "new", ...typedNothing },
        flags,
      ),
    ).toEqual({});
    expect(
      secretsToReenter(
        stored,
        { ...after, secretAccessKey: "new", clearSessionToken: true, clearProxyPassword: true },
        flags,
      ),
    ).toEqual({});
  });

  it("nothing is asked for secrets that were never stored or are no longer used", () => {
    const after = { ...stored, endpointUrl: "http://127.0.0.1:9999", ...typedNothing };
    expect(
      secretsToReenter(stored, after, { secretAccessKey: false, sessionToken: false, proxyPassword: false }),
    ).toEqual({});
    expect(
      secretsToReenter(stored, { ...stored, credentialSource: "ambient", proxyUrl: undefined, ...typedNothing }, flags),
    ).toEqual({});
  });
});
