"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction, requestIp } from "@/lib/auth";
import { createConnection, deleteConnection, setConnectionEnabled, updateConnection } from "@/lib/connections";
import { parseInput } from "@/lib/validation";

const idSchema = z.object({ id: z.string().min(1) });

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
