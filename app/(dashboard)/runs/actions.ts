"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction } from "@/lib/auth";
import { requestCancel } from "@/lib/collector";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

const cancelRunSchema = z.object({ runId: z.string().min(1).max(64) });

// Asks a queued or running run to stop at its next checkpoint. Admins only.
export async function cancelRunAction(input: unknown): Promise<ActionResult> {
  await authorizeAction("admin");
  return runAction(async () => {
    const { runId } = parseInput(cancelRunSchema, input);
    if (!(await requestCancel(runId))) throw new ConflictError("This run has already finished");
    revalidatePath(`/runs/${runId}`);
    revalidatePath("/runs");
    return null;
  });
}
