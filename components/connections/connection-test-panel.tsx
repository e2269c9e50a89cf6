"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { summarizeChecks } from "@/lib/connections/probe/summary";
import type { CheckEvent } from "@/lib/connections/probe/types";
import { CheckList } from "./check-list";
import { useConnectionTest } from "./use-connection-test";

type Props = {
  // The request body for the test: a saved connection, or the wizard's current form.
  request: () => { connectionId?: string; input?: unknown };
  needsMfa: boolean;
  onFieldErrors?: (errors: Record<string, string[]>) => void;
  /** Called once a test has finished, with what was tested: the wizard fills its policies from it. */
  onFinished?: (test: FinishedTest) => void;
};

export type FinishedTest = {
  events: CheckEvent[];
  outcome: string;
  request: { connectionId?: string; input?: unknown };
};

// The outcome in one line; the summary and the problems open the checklist right below it.
function outcomeText(outcome: string, problems: number): string {
  const listed = problems === 1 ? "1 problem, listed first below." : `${problems} problems, listed first below.`;
  if (outcome === "passed") return "Test passed.";
  if (outcome === "passed-with-warnings") return `Test passed with warnings: ${listed}`;
  if (outcome === "failed") return `Test failed: ${listed}`;
  return outcome;
}

export function ConnectionTestPanel({ request, needsMfa, onFieldErrors, onFinished }: Props) {
  const router = useRouter();
  const { state, run } = useConnectionTest();
  const [mfaCode, setMfaCode] = useState("");
  const tested = useRef<FinishedTest["request"]>({});

  async function start() {
    tested.current = request();
    await run({ ...tested.current, mfaCode: mfaCode || undefined });
    router.refresh();
  }
  useEffect(() => {
    if (state.fieldErrors) onFieldErrors?.(state.fieldErrors);
  }, [state.fieldErrors, onFieldErrors]);
  useEffect(() => {
    if (!state.running && state.outcome)
      onFinished?.({ events: state.events, outcome: state.outcome, request: tested.current });
    // Only when a test ends: the events are final by then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.running, state.outcome]);

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
            {outcomeText(state.outcome, summarizeChecks(state.events).problems.length)}
          </span>
          {!state.recorded &&
            (state.outcome === "failed"
              ? " (Not saved: this result is kept if you save these exact settings.)"
              : " Save these settings unchanged and the schedule starts with this result; a field changed after the test needs a new test.")}
        </Alert>
      )}
      {state.events.length > 0 && <CheckList events={state.events} />}
    </div>
  );
}
