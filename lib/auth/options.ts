import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AUDIT } from "../audit/actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getEnv } from "../env";
import { clientIpFrom } from "../http/client-ip";
import { getAuthSecret } from "./auth-secret";
import { endAuthSession, startAuthSession } from "./auth-sessions";
import { safeRedirectPath } from "./safe-redirect";
import { reportRateLimited } from "./sign-in-limits";
import { verifyCredentials } from "./verify-credentials";

// JWT sessions in an HttpOnly, SameSite=Lax cookie (Secure when NEXTAUTH_URL is https). The
// token carries the user id, session version and server-side session id only; role, status
// and the session row are read from the database on every request (lib/auth/current-user.ts),
// so revocation and sign-out are immediate.
export function getAuthOptions(): NextAuthOptions {
  const maxAge = getEnv().SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const user = await verifyCredentials(
            credentials?.email,
            credentials?.password,
            clientIpFrom(req?.headers),
          ).catch(reportRateLimited);
          return user && { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          token.sid = await startAuthSession(user.id, maxAge);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid as string, sv: token.sv as number, sid: token.sid as string | undefined };
      },
      // Every redirect next-auth makes (after sign-in, sign-out, errors) stays on our origin.
      redirect({ url, baseUrl }) {
        return new URL(safeRedirectPath(url, baseUrl), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        await endAuthSession(token.sid);
        const actor =
          typeof token.uid === "string" && typeof token.email === "string"
            ? { id: token.uid, email: token.email }
            : null;
        await recordAuditEvent({ action: AUDIT.signOut, actor, targetType: "session", targetId: token.sid });
      },
    },
  };
}
