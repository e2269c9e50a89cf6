"use server";

import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction } from "@/lib/auth";
import { generateDraftPolicies } from "@/lib/connections/draft-policies";
import type { GeneratedPolicies } from "@/lib/connections/policies";
import type { TestedFields } from "@/lib/connections/policies/test-findings";
import { savedTestFindings } from "@/lib/connections/saved-test-findings";
import { parseInput } from "@/lib/validation";

const ARN = z
  .string()
  .max(2048)
  .regex(/^arn:[\w-]+:(iam|sts)::\d{12}:[\w+=,.@/*<>-]+$/, "Expected an IAM ARN");
const draftSchema = z.strictObject({
  input: z.record(z.string(), z.unknown()),
  connectionId: z.string().min(1).max(64).optional(),
  principalArn: ARN.optional(),
  memberRoleArns: z.array(ARN).max(1000).optional(),
});

export type DraftPolicies = GeneratedPolicies & { principalArn?: string };

// The IAM policies for the wizard's unsaved form, filled with what a test found: the wizard's
// own test, or on edit the saved connection's last test while the credentials are unchanged.
// Generates text only: nothing is stored or called. Admins only, like the wizard.
export async function draftPoliciesAction(body: unknown): Promise<ActionResult<DraftPolicies>> {
  await authorizeAction("admin");
  return runAction(async () => {
    const { input, connectionId, principalArn, memberRoleArns } = parseInput(draftSchema, body);
    const options = principalArn
      ? { principalArn, memberRoleArns }
      : connectionId
        ? await savedTestFindings(connectionId, input as TestedFields)
        : {};
    return { ...generateDraftPolicies(input, options), principalArn: options.principalArn };
  });
}
