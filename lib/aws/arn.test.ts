import { describe, expect, it } from "vitest";
import { iamUserNameOf, parseRoleArn, principalArnOf, roleArn } from "./arn";

describe("ARNs", () => {
  it("builds role ARNs with the partition prefix", () => {
    expect(roleArn("aws", "123456789012", "Cirrus")).toBe("arn:aws:iam::123456789012:role/Cirrus");
    expect(roleArn("aws-cn", "123456789012", "Cirrus")).toBe("arn:aws-cn:iam::123456789012:role/Cirrus");
    expect(roleArn("aws-us-gov", "123456789012", "team/Cirrus")).toBe(
      "arn:aws-us-gov:iam::123456789012:role/team/Cirrus",
    );
  });

  it("parses exact role ARNs only", () => {
    expect(parseRoleArn("arn:aws:iam::123456789012:role/path/Cirrus")).toEqual({
      partition: "aws",
      accountId: "123456789012",
      roleName: "path/Cirrus",
    });
    expect(parseRoleArn("arn:aws:iam::*:role/Cirrus")).toBeUndefined();
    expect(parseRoleArn("arn:aws:iam::123456789012:role/Cirrus*")).toBeUndefined();
    expect(parseRoleArn("arn:aws:iam::12345678901:role/Cirrus")).toBeUndefined();
    expect(parseRoleArn("arn:aws:iam::123456789012:user/Cirrus")).toBeUndefined();
  });

  it("reads user names and turns assumed-role ARNs into role ARNs", () => {
    expect(iamUserNameOf("arn:aws:iam::123456789012:user/ops/cirrus")).toBe("cirrus");
    expect(iamUserNameOf("arn:aws:sts::123456789012:assumed-role/R/s")).toBeUndefined();
    expect(principalArnOf("arn:aws-cn:sts::123456789012:assumed-role/Hub/cirrus")).toBe(
      "arn:aws-cn:iam::123456789012:role/Hub",
    );
    expect(principalArnOf("arn:aws:iam::123456789012:user/cirrus")).toBe("arn:aws:iam::123456789012:user/cirrus");
  });
});
