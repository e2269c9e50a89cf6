"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction, requestIp } from "@/lib/auth";
import { excludeScope, excludeScopeSchema, includeScope, scopeRefSchema } from "@/lib/coverage";
import { parseInput } from "@/lib/validation";

// Takes one account x region x resource type out of a connection's collection, with a reason
// shown wherever the gap is (a known gap: not called, not failed). Admins only; audited.
export async function excludeScopeAction(input: unknown): Promise<ActionResult> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    await excludeScope(parseInput(excludeScopeSchema, input), actor, ip);
    revalidatePath("/coverage");
    return null;
  });
}

// Puts an excluded scope back: the next run plans it again. Admins only; audited.
export async function includeScopeAction(input: unknown): Promise<ActionResult> {
  const actor = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    await includeScope(parseInput(scopeRefSchema, input), actor, ip);
    revalidatePath("/coverage");
    return null;
  });
}
