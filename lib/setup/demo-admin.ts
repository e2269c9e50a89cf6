import "server-only";
import crypto from "node:crypto";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "../db";

export const DEMO_ADMIN_EMAIL = "admin@demo.cirrus.local";

// The demo's admin gets a fresh random password on every `npm run demo`; it is printed once
// and stored only as a hash. Re-running the demo never leaves an old password working.
export async function resetDemoAdmin(): Promise<{ email: string; password: string }> {
  const password = crypto.randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await getDb().user.upsert({
    where: { email: DEMO_ADMIN_EMAIL },
    create: { email: DEMO_ADMIN_EMAIL, name: "Demo admin", role: "admin", passwordHash },
    update: { passwordHash, role: "admin", disabledAt: null, sessionVersion: { increment: 1 } },
  });
  return { email: DEMO_ADMIN_EMAIL, password };
}
