// Issue 12 item 1: the IAM policies name the real caller once a test identified it: on the
// detail page from the saved connection's last test, and in the wizard on edit while the
// credentials are the saved ones. Discovered member roles come from the discovery check.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateConnectionPolicies } from "@/lib/connections/connection-policies";
import { savedTestFindings } from "@/lib/connections/saved-test-findings";
import { createConnection } from "@/lib/connections/save-connection";
import { testConnection } from "@/lib/connections/test-connection";
import { DEMO_NAMES } from "@/simulator/src/index";
import { type DemoSim, demoWorldWithSharedExternalId, SHARED_EXTERNAL_ID, startDemo } from "./aws-fixtures";

const context = { actor: null, ip: null };
let demo: DemoSim;

beforeAll(async () => {
  demo = await startDemo(demoWorldWithSharedExternalId());
});
afterAll(async () => {
  await demo?.sim.close();
});

// The collector user discovering member roles from its attached policies, in one region.
function discoveryInput() {
  const collector = demo.user(DEMO_NAMES.collectorUser);
  return {
    name: `policies-${crypto.randomBytes(4).toString("hex")}`,
    credentialSource: "access-key",
    accessKeyId: collector.accessKeyId,
    secretAccessKey: collector.secretAccessKey,
    externalId: SHARED_EXTERNAL_ID,
    accountMode: "iam-policies",
    regionMode: "list",
    regions: ["us-east-1"],
    endpointUrl: demo.url,
  };
}

const collectorArn = () => demo.creds.users.find((user) => user.name === DEMO_NAMES.collectorUser)!.arn;
const memberRoleArns = () =>
  demo.creds.roles
    .filter((role) => role.purpose === "member-inventory")
    .map((role) => role.arn)
    .sort();

describe("policies filled from a test", () => {
  it("name the tested caller and the discovered member roles once the saved connection was tested", async () => {
    const input = discoveryInput();
    const { id } = await createConnection(input, context);
    const untested = await generateConnectionPolicies(id);
    expect(untested.trustPolicy.Statement[0].Principal).toEqual({ AWS: "arn:aws:iam::<ACCOUNT_ID>:user/<USER_NAME>" });

    await testConnection({ connectionId: id }, null, null, () => {});
    const policies = await generateConnectionPolicies(id);
    expect(policies.trustPolicy.Statement[0]).toMatchObject({
      Principal: { AWS: collectorArn() },
      Condition: { StringEquals: { "sts:ExternalId": SHARED_EXTERNAL_ID } },
    });
    const assume = policies.basePolicy.Statement.find((statement) => statement.Sid === "AssumeMemberRoles");
    expect([...(assume?.Resource as string[])].sort()).toEqual(memberRoleArns());
  });

  it("fill the wizard on edit while its credentials are the saved ones, and not after the key changes", async () => {
    const input = discoveryInput();
    const { id } = await createConnection(input, context);
    expect(await savedTestFindings(id, input)).toEqual({});
    await testConnection({ connectionId: id }, null, null, () => {});

    // The wizard's form carries the defaults a stored config may leave out.
    const found = await savedTestFindings(id, { ...input, partition: "aws", ambientProvider: "instance-profile" });
    expect(found.principalArn).toBe(collectorArn());
    expect([...(found.memberRoleArns ?? [])].sort()).toEqual(memberRoleArns());
    expect(await savedTestFindings(id, { ...input, accountMode: "self" })).toEqual({ principalArn: collectorArn() });
    expect(await savedTestFindings(id, { ...input, accessKeyId: "AKIAEXAMPLE000000009" })).toEqual({});
  });
});
