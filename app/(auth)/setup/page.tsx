import type { Metadata } from "next";
import Link from "next/link";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { isSetupOpen } from "@/lib/setup";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

// Public on purpose, but only useful with the one-time token from the server log, and closed
// for good once the first admin exists.
export default async function SetupPage() {
  const open = await isSetupOpen();
  return (
    <Card className="p-6">
      <h1 className="mb-2 text-lg font-semibold">Create the first admin</h1>
      {open ? (
        <SetupForm />
      ) : (
        <p className="text-sm text-slate-600">
          Setup is complete.{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            Sign in
          </Link>
          .
        </p>
      )}
    </Card>
  );
}
