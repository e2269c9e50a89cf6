"use server";

import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction } from "@/lib/auth";
import { generateDraftPolicies } from "@/lib/connections/draft-policies";
import type { GeneratedPolicies } from "@/lib/connections/policies";
import { parseInput } from "@/lib/validation";

const ARN = z.string().max(2048).regex(/^arn:[\w-]+:(iam|sts)::\d{12}:[\w+=,.@/*<>-]+$/, "Expected an IAM ARN");
const draftSchema = z.strictObject({
  input: z.unknown(),
  principalArn: ARN.optional(),
  memberRoleArns: z.array(ARN).max(1000).optional(),
});

// The IAM policies for the wizard's unsaved form, filled with what its last test found (the
// caller's ARN, discovered member roles). Generates text only: nothing is stored or called.
// Admins only, like the wizard.
export async function draftPoliciesAction(body: unknown): Promise<ActionResult<GeneratedPolicies>> {
  await authorizeAction("admin");
  return runAction(async () => {
    const { input, principalArn, memberRoleArns } = parseInput(draftSchema, body);
    return generateDraftPolicies(input, { principalArn, memberRoleArns });
  });
}
