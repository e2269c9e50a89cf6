"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { excludeScopeAction, includeScopeAction } from "@/app/(dashboard)/coverage/actions";
import { Button } from "@/components/ui/button";
import type { ResourceType } from "@/lib/resources/rows";

type Scope = { connectionId: string; accountId: string; region: string; resourceType: ResourceType };

// "Exclude…" on a scope a connection cannot read: asks for the reason (shown to everyone who
// reads the figures), then the scope is no longer collected. Admins only (the page renders it
// for admins; the action checks again).
export function ExcludeScopeButton({ scope, label }: { scope: Scope; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const inputId = useId();
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Exclude ${label}`}>
        Exclude…
      </Button>
    );
  }
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await excludeScopeAction({ ...scope, reason });
          if (result.error) return setError(result.fieldErrors?.reason?.[0] ?? result.error);
          setOpen(false);
          router.refresh();
        });
      }}
    >
      <label className="text-xs text-slate-600" htmlFor={inputId}>
        Why is {label} excluded? Shown with every figure it leaves out.
      </label>
      <input
        id={inputId}
        name="reason"
        value={reason}
        maxLength={500}
        required
        minLength={3}
        onChange={(event) => setReason(event.target.value)}
        placeholder="e.g. an SCP denies RDS in this region"
        className="w-72 rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Excluding…" : "Exclude"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error && (
        <span className="text-xs text-red-600" data-testid="exclude-error">
          {error}
        </span>
      )}
    </form>
  );
}

export function IncludeScopeButton({ scope, label }: { scope: Scope; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        aria-label={`Include ${label} again`}
        onClick={() =>
          startTransition(async () => {
            const result = await includeScopeAction(scope);
            setError(result.error);
            // The scope has no state until its next run: the page says so where the row was.
            if (!result.error) router.push("/coverage?included=1");
          })
        }
      >
        {pending ? "Including…" : "Include again"}
      </Button>
      {error && <span className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
