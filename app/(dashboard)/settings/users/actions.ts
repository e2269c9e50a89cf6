"use server";

import { revalidatePath } from "next/cache";
import { authorizeAction, requestIp } from "@/lib/auth";
import { runAction, type ActionResult } from "@/lib/actions";
import {
  changeRoleSchema,
  createUserSchema,
  resetPasswordSchema,
  setDisabledSchema,
  createUser,
  updateUser,
} from "@/lib/users";
import { parseInput } from "@/lib/validation";

// Adds a user. Admins only.
export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const admin = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const user = await createUser(parseInput(createUserSchema, input), admin, ip);
    revalidatePath("/settings/users");
    return { id: user.id };
  });
}

// Changes a user's role; their sessions end. Admins only.
export async function changeRoleAction(input: unknown): Promise<ActionResult> {
  const admin = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const { userId, role } = parseInput(changeRoleSchema, input);
    await updateUser(userId, { role }, admin, ip);
    revalidatePath("/settings/users");
    return null;
  });
}

// Disables (ending their sessions) or re-enables a user. Admins only.
export async function setUserDisabledAction(input: unknown): Promise<ActionResult> {
  const admin = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const { userId, disabled } = parseInput(setDisabledSchema, input);
    await updateUser(userId, { disabled }, admin, ip);
    revalidatePath("/settings/users");
    return null;
  });
}

// Sets a new password for a user; their sessions end. Admins only.
export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  const admin = await authorizeAction("admin");
  const ip = await requestIp();
  return runAction(async () => {
    const { userId, password } = parseInput(resetPasswordSchema, input);
    await updateUser(userId, { password }, admin, ip);
    return null;
  });
}
