import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { Sha256 } from "../../test/sha256";
import { formatAmzDate, parseAuthorization, verifySignature } from "./sigv4";

const keys = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

async function sign(
  body: string,
  headers: Record<string, string>,
  secret = keys.secretAccessKey,
  sessionToken?: string,
) {
  const signer = new SignatureV4({
    service: "ec2",
    region: "eu-west-1",
    credentials: { ...keys, secretAccessKey: secret, sessionToken },
    sha256: Sha256,
  });
  const req = await signer.sign({
    method: "POST",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 4566,
    path: "/",
    headers: { host: "127.0.0.1:4566", ...headers },
    body,
    query: {},
  } as never);
  return (req as unknown as { headers: Record<string, string> }).headers;
}

function verify(headers: Record<string, string>, body: string) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const auth = parseAuthorization(lower.authorization)!;
  return verifySignature(
    { method: "POST", path: "/", rawQuery: "", headers: lower, body: Buffer.from(body) },
    auth,
    keys.secretAccessKey,
    lower["x-amz-date"],
  );
}

describe("sigv4 verification against the SDK's signer", () => {
  const body = "Action=DescribeInstances&Version=2016-11-15";

  it("accepts a request the SDK signed, with and without charset in the content type", async () => {
    expect(verify(await sign(body, { "content-type": "application/x-www-form-urlencoded" }), body)).toBe(true);
    expect(verify(await sign(body, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }), body)).toBe(
      true,
    );
    expect(
      verify(
        await sign(body, { "content-type": "application/x-www-form-urlencoded" }, keys.secretAccessKey, "token"),
        body,
      ),
    ).toBe(true);
  });

  it("rejects a wrong secret, a changed body and a changed signed header", async () => {
    expect(
      verify(await sign(body, { "content-type": "application/x-www-form-urlencoded" }, "wrong-secret"), body),
    ).toBe(false);
    const h = await sign(body, { "content-type": "application/x-www-form-urlencoded" });
    expect(verify(h, `${body}&MaxResults=5`)).toBe(false);
    expect(verify({ ...h, "content-type": "text/plain" }, body)).toBe(false);
  });

  it("parses the Authorization header and formats X-Amz-Date", () => {
    const a = parseAuthorization(
      "AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=" +
        "a".repeat(64),
    );
    expect(a).toMatchObject({
      accessKeyId: "AKID",
      date: "20261122",
      region: "us-east-1",
      service: "sts",
      signedHeaders: ["host", "x-amz-date"],
    });
    expect(parseAuthorization("Bearer x")).toBeUndefined();
    expect(formatAmzDate(Date.UTC(2026, 10, 22, 10, 15, 0))).toBe("20261122T101500Z");
  });
});
