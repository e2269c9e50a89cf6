"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, createApiTokenSchema, revokeApiToken, revokeApiTokenSchema } from "@/lib/api-tokens";
import { authorizeAction, requestIp } from "@/lib/auth";
import { runAction, type ActionResult } from "@/lib/actions";
import { parseInput } from "@/lib/validation";

// Creates an API token and returns its value, shown once. Admins only.
export async function createApiTokenAction(input: unknown): Promise<ActionResult<{ id: string; token: string }>> {
  const admin = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const created = await createApiToken(parseInput(createApiTokenSchema, input), admin, ip);
    revalidatePath("/settings/api-tokens");
    return created;
  });
}

// Revokes an API token; requests carrying it get 401 from then on. Admins only.
export async function revokeApiTokenAction(input: unknown): Promise<ActionResult> {
  const admin = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    await revokeApiToken(parseInput(revokeApiTokenSchema, input).id, admin, ip);
    revalidatePath("/settings/api-tokens");
    return null;
  });
}
