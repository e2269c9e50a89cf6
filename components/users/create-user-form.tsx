"use client";

import { useRef, useState, useTransition, type FormEvent } from "react";
import { createUserAction } from "@/app/(dashboard)/settings/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string }>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await createUserAction(input);
      setFieldErrors(result.fieldErrors ?? {});
      if (result.error) return setMessage({ tone: "error", text: result.error });
      setMessage({ tone: "success", text: `Added ${input.email}.` });
      formRef.current?.reset();
    });
  }

  return (
    <Card className="max-w-md p-4">
      <h2 className="mb-3 text-sm font-semibold">Add a user</h2>
      <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Add a user">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <TextField label="E-mail" name="email" type="email" required error={fieldErrors.email?.[0]} />
        <TextField label="Name" name="name" error={fieldErrors.name?.[0]} />
        <SelectField label="Role" name="role" defaultValue="viewer" error={fieldErrors.role?.[0]}>
          <option value="viewer">Viewer: view and export</option>
          <option value="admin">Admin: manage everything</option>
        </SelectField>
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={fieldErrors.password?.[0]}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </form>
    </Card>
  );
}
