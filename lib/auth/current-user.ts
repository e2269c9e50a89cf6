import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db";
import { getAuthOptions } from "./options";
import type { Role } from "./roles";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

// The signed-in user, checked against the database: a disabled user, or a session issued
// before the user's sessionVersion was bumped (role change, password reset), is signed out.
// Cached per request so a page and its layout share one lookup.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
});
