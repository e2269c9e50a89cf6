"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction, requestIp } from "@/lib/auth";
import { cancelRun } from "@/lib/collector";
import { parseInput } from "@/lib/validation";

const cancelRunSchema = z.object({ runId: z.string().min(1).max(64) });

// Stops a queued or running run (at once in this process, else at its next heartbeat). Admins only.
export async function cancelRunAction(input: unknown): Promise<ActionResult> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const { runId } = parseInput(cancelRunSchema, input);
    await cancelRun(runId, actor, ip);
    revalidatePath(`/runs/${runId}`);
    revalidatePath("/runs");
    return null;
  });
}
