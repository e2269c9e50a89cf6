import "server-only";
import crypto from "node:crypto";
import { getDb } from "../db";

// Server-side record of each signed-in browser session. The session cookie (a JWT) carries the
// row's id; a session whose row is missing, ended or expired is signed out, so sign-out ends a
// session everywhere, including a copy of the cookie (issue 10 item 6).

export async function startAuthSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const now = Date.now();
  const id = crypto.randomBytes(24).toString("base64url");
  const db = getDb();
  // Housekeeping on sign-in keeps the table to about one row per live session.
  await db.authSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
  await db.authSession.create({ data: { id, userId, expiresAt: new Date(now + maxAgeSeconds * 1000) } });
  return id;
}

// One primary-key lookup per request.
export async function isAuthSessionActive(id: string, userId: string): Promise<boolean> {
  const row = await getDb().authSession.findUnique({
    where: { id },
    select: { userId: true, expiresAt: true, endedAt: true },
  });
  return !!row && row.userId === userId && !row.endedAt && row.expiresAt.getTime() > Date.now();
}

export async function endAuthSession(id: string): Promise<void> {
  await getDb().authSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date() } });
}
