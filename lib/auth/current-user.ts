import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "../db";
import { isAuthSessionActive } from "./auth-sessions";
import { getAuthOptions } from "./options";
import type { Role } from "./roles";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

// The signed-in user, checked against the database: a disabled user, a session issued before
// the user's sessionVersion was bumped (role change, password reset), or a session that was
// signed out, expired or never recorded server-side (cookies from before sessions had ids),
// is signed out. Cached per request so a page and its layout share one lookup.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  const [user, active] = await Promise.all([
    getDb().user.findUnique({
      where: { id: session.uid },
      select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
    }),
    isAuthSessionActive(session.sid, session.uid),
  ]);
  if (!user || !active || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
});
