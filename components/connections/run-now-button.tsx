"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { runNowAction } from "@/app/(dashboard)/connections/actions";
import { Button } from "@/components/ui/button";

type Props = { connectionId: string; needsMfa: boolean; mfaSessionExpiresAt: string | null };

// The collector reuses a stored MFA session only with a few minutes left (lib/collector/mfa-gate).
const SESSION_MARGIN_MS = 5 * 60_000;

// Starts a manual run and opens its page. With an MFA device, a code is asked for unless a
// stored MFA session is still live (then a code is optional and renews the session).
export function RunNowButton({ connectionId, needsMfa, mfaSessionExpiresAt }: Props) {
  const router = useRouter();
  const [mfaSessionLive] = useState(
    () => !!mfaSessionExpiresAt && Date.parse(mfaSessionExpiresAt) > Date.now() + SESSION_MARGIN_MS,
  );
  const [pending, startTransition] = useTransition();
  const [mfaCode, setMfaCode] = useState("");
  const [error, setError] = useState<string>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = mfaCode.trim();
    if (needsMfa && !mfaSessionLive && !code) return setError("Enter the 6-digit code from the MFA device");
    startTransition(async () => {
      const result = await runNowAction({ id: connectionId, mfaCode: code || undefined });
      if (result.error !== undefined) return setError(result.fieldErrors?.mfaCode?.[0] ?? result.error);
      setError(undefined);
      router.push(`/runs/${result.data.runId}`);
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1" aria-label="Run now" noValidate>
      <div className="flex items-center gap-2">
        {needsMfa && (
          <input
            aria-label="MFA code for this run"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            placeholder={mfaSessionLive ? "MFA code (optional)" : "MFA code"}
            value={mfaCode}
            onChange={(event) => setMfaCode(event.target.value)}
            aria-invalid={error ? true : undefined}
            className="w-40 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600"
          />
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Run now"}
        </Button>
      </div>
      {error && (
        <p className="max-w-xs text-right text-xs text-red-600" data-testid="run-now-error">
          {error}
        </p>
      )}
    </form>
  );
}
