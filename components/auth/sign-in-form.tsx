"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

// Posts to next-auth's credentials callback directly (rather than signIn()) so a 429 from the
// rate limiter reaches the user with its message.
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const { csrfToken } = await fetch("/api/auth/csrf").then((response) => response.json());
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          csrfToken,
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          callbackUrl,
          json: "true",
        }),
      });
      if (response.status === 429) {
        const body = await response.json().catch(() => null);
        setError(body?.error?.message ?? "Too many failed sign-in attempts. Try again later.");
      } else if (!response.ok || new URL((await response.json()).url, location.href).searchParams.has("error")) {
        setError("Incorrect e-mail or password.");
      } else {
        // Checked again here, against the origin the browser is really on.
        router.replace(safeRedirectPath(callbackUrl, location.origin));
        router.refresh();
        return;
      }
    } catch {
      setError("Cirrus could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <Alert tone="error">
          <span data-testid="sign-in-error">{error}</span>
        </Alert>
      )}
      <TextField label="E-mail" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
