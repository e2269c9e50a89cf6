"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckList } from "./check-list";
import { useConnectionTest } from "./use-connection-test";

type Props = {
  // The request body for the test: a saved connection, or the wizard's current form.
  request: () => { connectionId?: string; input?: unknown };
  needsMfa: boolean;
  onFieldErrors?: (errors: Record<string, string[]>) => void;
};

const OUTCOME_TEXT: Record<string, string> = {
  passed: "Test passed.",
  "passed-with-warnings": "Test passed with warnings: see the checks marked above.",
  failed: "Test failed: see the first failing step.",
};

export function ConnectionTestPanel({ request, needsMfa, onFieldErrors }: Props) {
  const router = useRouter();
  const { state, run } = useConnectionTest();
  const [mfaCode, setMfaCode] = useState("");

  async function start() {
    await run({ ...request(), mfaCode: mfaCode || undefined });
    router.refresh();
  }
  useEffect(() => {
    if (state.fieldErrors) onFieldErrors?.(state.fieldErrors);
  }, [state.fieldErrors, onFieldErrors]);

  return (
    <div className="space-y-3" data-testid="test-panel">
      <div className="flex flex-wrap items-end gap-3">
        {needsMfa && (
          <label className="text-sm">
            <span className="block font-medium text-slate-700">MFA code</span>
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={mfaCode}
              onChange={(event) => setMfaCode(event.target.value.replace(/\D/g, ""))}
              className="mt-1 w-28 rounded-md border border-slate-300 px-2 py-1.5 font-mono"
              aria-label="MFA code"
            />
          </label>
        )}
        <Button variant="secondary" onClick={start} disabled={state.running}>
          {state.running ? "Testing…" : "Test connection"}
        </Button>
      </div>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.outcome && (
        <Alert tone={state.outcome === "failed" ? "error" : state.outcome === "passed" ? "success" : "info"}>
          <span data-testid="test-outcome" data-outcome={state.outcome}>
            {OUTCOME_TEXT[state.outcome] ?? state.outcome}
          </span>
          {!state.recorded && " (Unsaved changes: save, then test again to enable the schedule.)"}
        </Alert>
      )}
      {state.events.length > 0 && <CheckList events={state.events} />}
    </div>
  );
}
