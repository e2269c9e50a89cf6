import NextAuth from "next-auth";
import { getAuthOptions, withSignInLimits } from "@/lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

const handle = (request: Request, context: Context) => NextAuth(request as never, context as never, getAuthOptions());

// next-auth's endpoints (CSRF, session, sign-in, sign-out). Public by nature.
export const GET = handle;

// A sign-in over the limit is refused where the password would be checked, on whatever path
// or body next-auth accepted; this turns that refusal into 429 + Retry-After.
export function POST(request: Request, context: Context) {
  return withSignInLimits(() => handle(request, context));
}
