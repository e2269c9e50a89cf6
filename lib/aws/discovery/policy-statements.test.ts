import { describe, expect, it } from "vitest";
import { assumableRoles, decodePolicyDocument } from "./policy-statements";

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });
const A = "arn:aws:iam::222222222222:role/CirrusInventoryRole";
const B = "arn:aws:iam::333333333333:role/CirrusInventoryRole";

describe("roles an IAM policy allows to assume", () => {
  it("collects exact role ARNs from Allow statements, whatever the action spelling", () => {
    const found = assumableRoles(
      doc(
        { Effect: "Allow", Action: "sts:AssumeRole", Resource: A },
        { Effect: "Allow", Action: ["ec2:Describe*", "sts:*"], Resource: [B, A] },
        { Effect: "Allow", Action: "*", Resource: "arn:aws:iam::444444444444:role/X" },
        { Effect: "Allow", Action: "STS:assumerole", Resource: "arn:aws:iam::555555555555:role/Y" },
        { Effect: "Allow", Action: "sts:Assume*", Resource: "arn:aws:iam::666666666666:role/Z" },
      ),
      "P",
    );
    expect(found.roleArns).toEqual([
      A,
      B,
      "arn:aws:iam::444444444444:role/X",
      "arn:aws:iam::555555555555:role/Y",
      "arn:aws:iam::666666666666:role/Z",
    ]);
    expect(found.warnings).toEqual([]);
  });

  it("ignores statements about other actions, other resources and non-role ARNs", () => {
    const found = assumableRoles(
      doc(
        { Effect: "Allow", Action: "ec2:DescribeInstances", Resource: A },
        { Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" },
        { Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::222222222222:user/bob" },
      ),
      "P",
    );
    expect(found).toEqual({ roleArns: [], deniedRoleArns: [], warnings: [] });
  });

  it("warns, naming the policy, about wildcards instead of guessing", () => {
    const found = assumableRoles(
      doc(
        { Sid: "Audit", Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/CirrusAudit*" },
        { Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" },
        { Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::222222222222:role/Team?" },
      ),
      "CirrusDev",
    );
    expect(found.roleArns).toEqual([]);
    expect(found.warnings).toHaveLength(3);
    expect(found.warnings[0]).toMatch(
      /Policy CirrusDev, statement Audit .*wildcard arn:aws:iam::\*:role\/CirrusAudit\*/,
    );
    expect(found.warnings[1]).toMatch(/Policy CirrusDev, statement 2 .*wildcard \*/);
  });

  it("warns about NotAction and NotResource", () => {
    const found = assumableRoles(
      doc(
        { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
        { Effect: "Allow", Action: "sts:AssumeRole", NotResource: A },
      ),
      "Odd",
    );
    expect(found.roleArns).toEqual([]);
    expect(found.warnings[0]).toMatch(/Policy Odd.*NotAction/);
    expect(found.warnings[1]).toMatch(/Policy Odd.*NotResource/);
  });

  it("reports Deny statements on exact ARNs separately and accepts a single statement object", () => {
    expect(assumableRoles({ Statement: { Effect: "Deny", Action: "sts:AssumeRole", Resource: A } }, "P")).toEqual({
      roleArns: [],
      deniedRoleArns: [A],
      warnings: [],
    });
    expect(
      assumableRoles({ Statement: { Effect: "Allow", Action: "sts:AssumeRole", Resource: A } }, "P").roleArns,
    ).toEqual([A]);
    expect(assumableRoles("nonsense", "P").warnings[0]).toMatch(/could not be read/);
  });

  it("decodes IAM's URL-encoded documents", () => {
    const encoded = encodeURIComponent(JSON.stringify(doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: A })));
    expect(assumableRoles(decodePolicyDocument(encoded), "P").roleArns).toEqual([A]);
    expect(decodePolicyDocument('{"Statement":[]}')).toEqual({ Statement: [] });
  });
});
