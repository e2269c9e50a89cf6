"use client";

import { useState, useTransition } from "react";
import { changeRoleAction, resetPasswordAction, setUserDisabledAction } from "@/app/(dashboard)/settings/users/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import type { UserRow } from "@/lib/users";

export function UserRowActions({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState("");

  function run(action: () => Promise<ActionResult>, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      setError(result.error ? (result.fieldErrors?.password?.[0] ?? result.error) : undefined);
      if (!result.error) after?.();
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={pending || isSelf}
          onChange={(event) => run(() => changeRoleAction({ userId: user.id, role: event.target.value }))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
        >
          <option value="viewer">viewer</option>
          <option value="admin">admin</option>
        </select>
        <Button
          size="sm"
          variant={user.disabled ? "secondary" : "danger"}
          disabled={pending || isSelf}
          onClick={() => run(() => setUserDisabledAction({ userId: user.id, disabled: !user.disabled }))}
        >
          {user.disabled ? "Enable" : "Disable"}
        </Button>
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => setResetting(!resetting)}>
          Reset password
        </Button>
      </div>
      {resetting && (
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(
              () => resetPasswordAction({ userId: user.id, password }),
              () => {
                setResetting(false);
                setPassword("");
              },
            );
          }}
        >
          <input
            type="password"
            aria-label={`New password for ${user.email}`}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs"
          />
          <Button size="sm" type="submit" disabled={pending}>
            Save
          </Button>
        </form>
      )}
      {error && (
        <p className="text-xs text-red-600" data-testid="user-action-error">
          {error}
        </p>
      )}
    </div>
  );
}
