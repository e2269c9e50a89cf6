"use server";

import { requestIp } from "@/lib/auth";
import { runAction, type ActionResult } from "@/lib/actions";
import { completeSetup } from "@/lib/setup";

// Creates the first admin. Anyone may call it; it needs the one-time setup token and works
// only while no user exists.
export async function setupAdminAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const ip = await requestIp();
  return runAction(async () => {
    const user = await completeSetup(input, ip);
    return { email: user.email };
  });
}
