"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { createApiTokenAction } from "@/app/(dashboard)/settings/api-tokens/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { DEFAULT_TOKEN_EXPIRY } from "@/lib/api-tokens/schemas";
import type { FieldErrors } from "@/lib/errors";
import { NewApiTokenPanel } from "./new-api-token-panel";

export function CreateApiTokenForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Held in this component's state only: it disappears on reload or navigation, by design.
  const [created, setCreated] = useState<{ name: string; token: string }>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    setCreated(undefined);
    startTransition(async () => {
      const result = await createApiTokenAction(input);
      setFieldErrors(result.fieldErrors ?? {});
      setError(result.error);
      if (!result.data) return;
      setCreated({ name: String(input.name).trim(), token: result.data.token });
      formRef.current?.reset();
    });
  }

  return (
    <Card className="max-w-md p-4">
      <h2 className="mb-3 text-sm font-semibold">Create a token</h2>
      {created && (
        <NewApiTokenPanel name={created.name} token={created.token} onDismiss={() => setCreated(undefined)} />
      )}
      <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Create an API token">
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          hint="Who or what uses it, e.g. ServiceNow import"
          error={fieldErrors.name?.[0]}
        />
        <SelectField label="Role" name="role" defaultValue="viewer" error={fieldErrors.role?.[0]}>
          <option value="viewer">Viewer: read and export</option>
          <option value="admin">Admin: everything an admin can do (never more than you can)</option>
        </SelectField>
        <SelectField
          label="Expires"
          name="expiresIn"
          defaultValue={DEFAULT_TOKEN_EXPIRY}
          error={fieldErrors.expiresIn?.[0]}
        >
          <option value="30">In 30 days</option>
          <option value="90">In 90 days</option>
          <option value="365">In 365 days</option>
          <option value="never">Never (revoke it by hand)</option>
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </Card>
  );
}
