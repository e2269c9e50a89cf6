"use client";

import { useState, useTransition } from "react";
import { revokeApiTokenAction } from "@/app/(dashboard)/settings/api-tokens/actions";
import { Button } from "@/components/ui/button";

export function RevokeApiTokenButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function onClick() {
    if (!window.confirm(`Revoke the token "${name}"? Anything using it will get 401 from now on.`)) return;
    startTransition(async () => {
      const result = await revokeApiTokenAction({ id });
      setError(result.error);
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button size="sm" variant="danger" disabled={pending} onClick={onClick} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {error && (
        <p className="text-xs text-red-600" data-testid="api-token-action-error">
          {error}
        </p>
      )}
    </div>
  );
}
