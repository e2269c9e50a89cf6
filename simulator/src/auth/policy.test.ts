import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../world/types";
import { evaluate, globMatch } from "./policy";

const doc = (...Statement: PolicyDocument["Statement"][]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: Statement.flat(),
});

describe("policy evaluation", () => {
  it("matches suffix wildcards case-insensitively on actions", () => {
    const d = doc({ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" });
    expect(evaluate([d], "ec2:DescribeInstances", "*", {})).toBe("allow");
    expect(evaluate([d], "EC2:describehosts", "*", {})).toBe("allow");
    expect(evaluate([d], "ec2:RunInstances", "*", {})).toBe("implicit-deny");
  });

  it("lets an explicit deny win over an allow", () => {
    const allow = doc({ Effect: "Allow", Action: "*", Resource: "*" });
    const deny = doc({
      Effect: "Deny",
      Action: "rds:*",
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } },
    });
    expect(evaluate([allow, deny], "rds:DescribeDBInstances", "*", { "aws:RequestedRegion": "eu-west-1" })).toBe(
      "explicit-deny",
    );
    expect(evaluate([allow, deny], "rds:DescribeDBInstances", "*", { "aws:RequestedRegion": "us-east-1" })).toBe(
      "allow",
    );
  });

  it("matches resource ARNs with wildcards", () => {
    const d = doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/Cirrus*" });
    expect(evaluate([d], "sts:AssumeRole", "arn:aws:iam::222222222222:role/CirrusInventoryRole", {})).toBe("allow");
    expect(evaluate([d], "sts:AssumeRole", "arn:aws:iam::222222222222:role/Admin", {})).toBe("implicit-deny");
  });

  it("treats a missing condition key as a failed condition unless IfExists", () => {
    const mfa = doc({
      Effect: "Allow",
      Action: "*",
      Resource: "*",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    });
    expect(evaluate([mfa], "ec2:DescribeInstances", "*", {})).toBe("implicit-deny");
    expect(evaluate([mfa], "ec2:DescribeInstances", "*", { "aws:MultiFactorAuthPresent": "true" })).toBe("allow");
    const notRegion = doc({
      Effect: "Allow",
      Action: "*",
      Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } },
    });
    expect(evaluate([notRegion], "x:y", "*", {})).toBe("implicit-deny");
    const ifExists = doc({
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    });
    expect(evaluate([ifExists], "x:y", "*", {})).toBe("explicit-deny");
  });

  it("supports NotAction and the Null operator", () => {
    const d = doc({
      Effect: "Allow",
      NotAction: "iam:*",
      Resource: "*",
      Condition: { Null: { "sts:ExternalId": "false" } },
    });
    expect(evaluate([d], "ec2:DescribeInstances", "*", { "sts:ExternalId": "x" })).toBe("allow");
    expect(evaluate([d], "ec2:DescribeInstances", "*", {})).toBe("implicit-deny");
    expect(evaluate([d], "iam:GetUser", "*", { "sts:ExternalId": "x" })).toBe("implicit-deny");
  });

  it("globMatch escapes regex characters", () => {
    expect(globMatch("a.b*", "a.bc")).toBe(true);
    expect(globMatch("a.b*", "axbc")).toBe(false);
  });
});
