import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser, safeRedirectPath } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { isSetupOpen } from "@/lib/setup";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  if (await getCurrentUser()) redirect("/");
  const setupOpen = await isSetupOpen();
  const { callbackUrl } = await searchParams;
  return (
    <Card className="p-6">
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      {setupOpen ? (
        <p className="text-sm text-slate-600">
          No administrator exists yet.{" "}
          <Link href="/setup" className="text-brand-700 underline">
            Create the first admin
          </Link>{" "}
          with the setup token printed in the server log.
        </p>
      ) : (
        // Only a path on our own origin: an open redirect after sign-in would be a phishing aid.
        <SignInForm callbackUrl={safeRedirectPath(callbackUrl, getEnv().publicUrl)} />
      )}
    </Card>
  );
}
