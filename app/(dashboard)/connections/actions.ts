"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction, requestIp } from "@/lib/auth";
import { AwsCallError } from "@/lib/aws";
import { startManualRun } from "@/lib/collector";
import {
  createConnection,
  deleteConnection,
  purgeConnectionHistory,
  setConnectionEnabled,
  updateConnection,
} from "@/lib/connections";
import { ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

const idSchema = z.object({ id: z.string().min(1).max(64) });
const runNowSchema = idSchema.extend({
  mfaCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "The MFA code has 6 digits")
    .optional(),
});

// Creates a connection from the wizard's form. Admins only.
export async function createConnectionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const connection = await createConnection(input, { actor, ip });
    revalidatePath("/connections");
    return { id: connection.id };
  });
}

// Saves an edited connection; blank secrets keep their stored values. Admins only.
export async function updateConnectionAction(id: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    await updateConnection(parseInput(idSchema, { id }).id, input, { actor, ip });
    revalidatePath("/connections");
    return { id };
  });
}

// Deletes a connection (collected inventory stays in history). Admins only.
export async function deleteConnectionAction(input: unknown): Promise<ActionResult> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    await deleteConnection(parseInput(idSchema, input).id, { actor, ip });
    revalidatePath("/connections");
    return null;
  });
}

// Pauses or resumes a connection's schedule. Admins only.
export async function setConnectionEnabledAction(input: unknown): Promise<ActionResult> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const { id, enabled } = parseInput(idSchema.extend({ enabled: z.boolean() }), input);
    await setConnectionEnabled(id, enabled, actor, ip);
    revalidatePath(`/connections/${id}`);
    return null;
  });
}

// Starts a manual collection and answers with its run id as soon as the run exists; a code from
// the MFA device, when given, buys a fresh MFA session first. Admins only.
export async function runNowAction(input: unknown): Promise<ActionResult<{ runId: string }>> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const { id, mfaCode } = parseInput(runNowSchema, input);
    const runId = await startManualRun({ connectionId: id, mfaCode }, actor, ip).catch((error: unknown) => {
      // Only the MFA exchange calls AWS before the run exists: its message is meant for the user.
      throw error instanceof AwsCallError
        ? new ValidationError(error.info.message, { mfaCode: [error.info.message] })
        : error;
    });
    revalidatePath("/runs");
    revalidatePath(`/connections/${id}`);
    return { runId };
  });
}

// Purges a deleted connection's history for good (runs, sightings, observed changes). Admins only.
export async function purgeConnectionHistoryAction(input: unknown): Promise<ActionResult> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    await purgeConnectionHistory(parseInput(idSchema, input).id, { actor, ip });
    revalidatePath("/connections");
    return null;
  });
}
