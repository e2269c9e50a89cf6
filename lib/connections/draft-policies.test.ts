import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { generateDraftPolicies } from "./draft-policies";
import { findingsStillValid, policyOptionsFromChecks } from "./policies/test-findings";
import type { CheckEvent } from "./probe";

const USER = "arn:aws:iam::111111111111:user/cirrus-collector";
const MEMBERS = [
  "arn:aws:iam::222222222222:role/CirrusInventoryRole",
  "arn:aws:iam::333333333333:role/CirrusInventoryRole",
];

// The wizard's form as submitted, half-filled: no name, no key, a schedule still being typed.
const form = {
  name: "",
  partition: "aws",
  credentialSource: "access-key",
  accessKeyId: "",
  externalId: "existing-external-id-40-characters-long-x",
  accountMode: "role-arns",
  roleArns: MEMBERS.join("\n"),
  regionMode: "list",
  regions: [],
  schedule: "*/30 * *",
};

const trusted = (policies: ReturnType<typeof generateDraftPolicies>) => policies.trustPolicy.Statement[0];

describe("generateDraftPolicies", () => {
  it("fills the trust policy and StackSet template with the tested caller and the form's external ID", () => {
    const policies = generateDraftPolicies(form, { principalArn: USER });
    expect(trusted(policies)).toMatchObject({
      Principal: { AWS: USER },
      Condition: { StringEquals: { "sts:ExternalId": form.externalId } },
    });
    expect(policies.cloudFormationTemplate).toContain(`Default: "${USER}"`);
    expect(policies.cloudFormationTemplate).toContain(`Default: "${form.externalId}"`);
    expect(policies.basePolicy.Statement.find((statement) => statement.Sid === "AssumeMemberRoles")?.Resource).toEqual(
      MEMBERS,
    );
    expect(policies.notes.join(" ")).not.toMatch(/Run Test Connection/);
  });

  it("shows the placeholder and says how to fill it until a test identified the caller", () => {
    const policies = generateDraftPolicies(form);
    expect(trusted(policies).Principal).toEqual({ AWS: "arn:aws:iam::<ACCOUNT_ID>:user/<USER_NAME>" });
    expect(policies.notes[0]).toMatch(/Run Test Connection/);
  });

  it("stops at a mistake in a field the documents use, naming the field", () => {
    const error = (() => {
      try {
        generateDraftPolicies({ ...form, roleArns: "arn:aws:iam::*:role/CirrusInventoryRole" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["roleArns.0"]);
  });

  it("takes the caller and, for IAM-policy discovery, the member roles from a test's checklist", () => {
    const events: CheckEvent[] = [
      {
        id: "identity",
        step: "identity",
        label: "Access key",
        status: "ok",
        details: { arn: USER, accountId: "111111111111" },
      },
      {
        id: "chain:1",
        step: "chain",
        label: "Hop",
        status: "ok",
        details: { roleArn: "arn:aws:iam::111111111111:role/Hub" },
      },
      {
        id: "discovery",
        step: "discovery",
        label: "Discovery",
        status: "ok",
        details: { accounts: MEMBERS.map((roleArn) => ({ accountId: roleArn.split(":")[4], roleArn })) },
      },
    ];
    const options = policyOptionsFromChecks(events);
    expect(options).toEqual({ principalArn: USER, memberRoleArns: MEMBERS });
    const policies = generateDraftPolicies({ ...form, accountMode: "iam-policies", roleArns: "" }, options);
    expect(policies.basePolicy.Statement.find((statement) => statement.Sid === "AssumeMemberRoles")?.Resource).toEqual(
      MEMBERS,
    );
  });

  it("keeps the caller only while the credentials and endpoint are the tested ones, and discovered roles only in the tested account mode", () => {
    const events: CheckEvent[] = [
      { id: "identity", step: "identity", label: "Access key", status: "ok", details: { arn: USER } },
      {
        id: "discovery",
        step: "discovery",
        label: "Discovery",
        status: "ok",
        details: { accounts: [{ accountId: "222222222222", roleArn: MEMBERS[0] }] },
      },
    ];
    const tested = {
      credentialSource: "access-key",
      accessKeyId: "AKIAEXAMPLE000000001",
      endpointUrl: "",
      accountMode: "iam-policies",
    };
    expect(findingsStillValid(events, tested, { ...tested, endpointUrl: undefined })).toEqual({
      principalArn: USER,
      memberRoleArns: [MEMBERS[0]],
    });
    expect(findingsStillValid(events, tested, { ...tested, accountMode: "role-arns" })).toEqual({ principalArn: USER });
    expect(findingsStillValid(events, tested, { ...tested, accessKeyId: "AKIAEXAMPLE000000002" })).toEqual({});
    expect(findingsStillValid(events, tested, { ...tested, endpointUrl: "http://127.0.0.1:9999" })).toEqual({});
  });
});
