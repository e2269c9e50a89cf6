import NextAuth from "next-auth";
import { getAuthOptions, rejectRateLimitedSignIn } from "@/lib/auth";

type Context = { params: Promise<{ nextauth: string[] }> };

const handle = (request: Request, context: Context) => NextAuth(request as never, context as never, getAuthOptions());

// next-auth's endpoints (CSRF, session, sign-in, sign-out). Public by nature.
export const GET = handle;

// Sign-in posts pass the rate limiter first (429 + Retry-After when over the limit).
export async function POST(request: Request, context: Context) {
  return (await rejectRateLimitedSignIn(request)) ?? handle(request, context);
}
