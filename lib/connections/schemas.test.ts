import { describe, expect, it } from "vitest";
import { connectionInputSchema, toStoredConfig } from "./schemas";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

function valid(overrides: Record<string, unknown> = {}) {
  return {
    name: "Production",
    accessKeyId: "AKIAEXAMPLE000000001",
    secretAccessKey: SECRET,
    externalId: "cirrus-external-id-0123456789",
    regionMode: "list",
    regions: ["us-east-1"],
    ...overrides,
  };
}

function errorsOf(input: unknown): Record<string, string[]> {
  const result = connectionInputSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return errors;
}

describe("connection input limits (issue 10 item 9)", () => {
  it("accepts a valid connection and what the export writes back", () => {
    const parsed = connectionInputSchema.parse(valid());
    expect(connectionInputSchema.parse({ ...toStoredConfig(parsed), name: parsed.name, schedule: "" })).toMatchObject({
      regions: ["us-east-1"],
    });
  });

  it.each([
    ["secretAccessKey", "a 900 KB secret access key", "k".repeat(900_000)],
    ["secretAccessKey", "a 129-character secret access key", "k".repeat(129)],
    ["sessionToken", "a 4097-character session token", "t".repeat(4097)],
    ["proxyPassword", "a 1025-character proxy password", "p".repeat(1025)],
    ["name", "a 101-character name", "n".repeat(101)],
    ["proxyUsername", "a 900 KB proxy username", "u".repeat(900_000)],
    ["endpointUrl", "a 2049-character endpoint URL", `http://${"h".repeat(2045)}`],
    ["proxyUrl", "a 2049-character proxy URL", `http://${"h".repeat(2045)}`],
    ["aggregatorName", "a 900 KB aggregator name", "a".repeat(900_000)],
    ["mfaSerial", "a 900 KB MFA serial", "m".repeat(900_000)],
    ["schedule", "a 900 KB schedule", "*".repeat(900_000)],
    ["roleArns", "a 900 KB role ARN", `arn:aws:iam::123456789012:role/${"r".repeat(900_000)}`],
    ["roleArns", "a 900 KB role ARN in another partition", `arn:aws-cn:iam::123456789012:role/${"r".repeat(900_000)}`],
    ["regions", "a 900 KB region", ["r".repeat(900_000)]],
    [
      "roleChain",
      "a 900 KB external ID in the role chain",
      [{ roleArn: "arn:aws:iam::123456789012:role/A", externalId: "e".repeat(900_000) }],
    ],
  ])("field over its maximum is refused: %s (%s), and the value is not echoed", (field, _label, value) => {
    const errors = errorsOf(
      valid({
        [field]: value,
        ...(field === "proxyPassword" ? { proxyUrl: "10.0.0.5:8080", proxyUsername: "u" } : {}),
      }),
    );
    expect(Object.keys(errors).some((path) => path === field || path.startsWith(`${field}.`))).toBe(true);
    expect(JSON.stringify(errors).length).toBeLessThan(2000);
  });

  it("lists are bounded in count: 1001 role ARNs are refused", () => {
    const arns = Array.from({ length: 1001 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:role/R`);
    expect(errorsOf(valid({ accountMode: "role-arns", roleArns: arns })).roleArns).toEqual([
      "Role ARNs: at most 1000 entries",
    ]);
  });

  it("secrets are not echoed in any field error", () => {
    const errors = errorsOf(
      valid({ secretAccessKey: `${SECRET}\u0000`, sessionToken: `${SECRET}-token\u0007`, name: "" }),
    );
    expect(errors.secretAccessKey).toEqual(["Secret access key: remove control characters"]);
    expect(JSON.stringify(errors)).not.toContain(SECRET);
  });

  it.each([
    ["NUL", "\u0000"],
    ["U+202E right-to-left override", "\u202E"],
    ["U+2066 left-to-right isolate", "\u2066"],
    ["U+2069 pop directional isolate", "\u2069"],
    ["U+200E left-to-right mark", "\u200E"],
    ["U+200F right-to-left mark", "\u200F"],
  ])("a name, proxy username or aggregator name with %s is refused", (_label, char) => {
    expect(errorsOf(valid({ name: `prod${char}exe.txt` })).name).toBeDefined();
    expect(errorsOf(valid({ proxyUrl: "10.0.0.5:8080", proxyUsername: `u${char}` })).proxyUsername).toBeDefined();
    expect(
      errorsOf(valid({ adapter: "config-aggregator", aggregatorName: `agg${char}`, aggregatorRegion: "us-east-1" }))
        .aggregatorName,
    ).toBeDefined();
  });

  it("regions are validated in every region mode, against the partition's list", () => {
    expect(errorsOf(valid({ regionMode: "all-enabled", regions: ["mars-north-1"] })).regions).toBeDefined();
    expect(errorsOf(valid({ regionMode: "all-enabled", regions: ["cn-north-1"] })).regions).toEqual([
      "Not aws regions: cn-north-1",
    ]);
    expect(
      errorsOf(valid({ partition: "aws-cn", regionMode: "all-enabled", regions: ["cn-north-1"] })).regions,
    ).toBeUndefined();
    expect(errorsOf(valid({ regionMode: "all-enabled", regions: [] }))).toEqual({});
    // The aggregator region too, whichever adapter is chosen.
    expect(errorsOf(valid({ adapter: "direct", aggregatorRegion: "mars-north-1" })).aggregatorRegion).toBeDefined();
  });

  it.each([["yes"], [1], ["false"], ["true"], [0], [null]])(
    "clearSessionToken and clearProxyPassword accept only real booleans, not %j",
    (value) => {
      expect(errorsOf(valid({ clearSessionToken: value })).clearSessionToken).toEqual(["Expected true or false"]);
      expect(errorsOf(valid({ clearProxyPassword: value })).clearProxyPassword).toEqual(["Expected true or false"]);
    },
  );

  it("real booleans are flags", () => {
    expect(connectionInputSchema.parse(valid({ clearSessionToken: true, clearProxyPassword: false }))).toMatchObject({
      clearSessionToken: true,
      clearProxyPassword: false,
    });
  });

  it("an unknown key such as a misspelled endpointURL is refused with the key named", () => {
    const errors = errorsOf(valid({ endpointURL: "http://127.0.0.1:4566" }));
    expect(errors.form).toEqual(['Unknown field "endpointURL" (did you mean "endpointUrl"?)']);
    expect(
      errorsOf(valid({ roleChain: [{ roleArn: "arn:aws:iam::123456789012:role/A", externalID: "x-y" }] }))[
        "roleChain.0"
      ],
    ).toEqual(['Unknown field "externalID" (did you mean "externalId"?)']);
  });
});

describe("messages an admin can act on (issue 12 item 4)", () => {
  it("names each bad role ARN line, in its own message at its own position", () => {
    const lines = [
      "arn:aws:iam::222222222222:role/CirrusInventoryRole",
      "arn:aws:iam::2222:role/CirrusInventoryRole",
      "arn:aws:iam::*:role/CirrusInventoryRole",
      "arn:aws:iam::333333333333:user/cirrus",
      "arn:aws-cn:iam::444444444444:role/CirrusInventoryRole",
    ];
    const errors = errorsOf(valid({ accountMode: "role-arns", roleArns: lines.join("\n") }));
    expect(Object.keys(errors).sort()).toEqual(["roleArns.1", "roleArns.2", "roleArns.3", "roleArns.4"]);
    for (const index of [1, 2, 3, 4]) {
      expect(errors[`roleArns.${index}`]).toHaveLength(1);
      expect(errors[`roleArns.${index}`][0].startsWith(`${lines[index]}: `)).toBe(true);
    }
    expect(errors["roleArns.1"][0]).toContain("12 digits");
    expect(errors["roleArns.2"][0]).toContain("wildcards");
    expect(errors["roleArns.3"][0]).toContain("not a role");
    expect(errors["roleArns.4"][0]).toContain("not in the aws partition");
  });

  it.each([
    ["every day", "five fields"],
    ["*/30 * * *", "five fields"],
    ["0 25 * * *", 'The hour field "25"'],
    ["0 6 * 13 *", 'The month field "13"'],
    ["0 0 31 2 *", "never runs"],
    ["* * * * *", "at most every 5 minutes"],
  ])("explains the schedule %j in plain words, not croner's", (schedule, words) => {
    const [message] = errorsOf(valid({ schedule })).schedule;
    expect(message).toContain(words);
    expect(message).not.toMatch(/space separated parts|CronPattern|invalid configuration/i);
  });
});
