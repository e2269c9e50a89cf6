"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { setupAdminAction } from "@/app/(auth)/setup/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";

export function SetupForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await setupAdminAction(input);
      if (result.error) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      router.push("/sign-in");
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">
        Enter the setup token that Cirrus printed in its server log on first start.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="Setup token" name="token" autoComplete="off" required error={fieldErrors.token?.[0]} />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        required
        error={fieldErrors.email?.[0]}
      />
      <TextField label="Name" name="name" autoComplete="name" error={fieldErrors.name?.[0]} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters; a passphrase works well."
        error={fieldErrors.password?.[0]}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create admin"}
      </Button>
    </form>
  );
}
