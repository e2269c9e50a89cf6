"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { cancelRunAction } from "@/app/(dashboard)/runs/actions";
import { Button } from "@/components/ui/button";
import { runKeys } from "./use-run";

// The collector notices a cancel request at its next heartbeat, so the run keeps its status for
// a few seconds; the button says so instead of pretending it stopped at once.
export function CancelRunButton({ runId }: { runId: string }) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [requested, setRequested] = useState(false);
  const [error, setError] = useState<string>();

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="danger"
        disabled={pending || requested}
        onClick={() => {
          if (
            !window.confirm("Cancel this run? Scopes already committed stay; unfinished ones keep their previous data.")
          )
            return;
          startTransition(async () => {
            const result = await cancelRunAction({ runId });
            setError(result.error);
            if (!result.error) setRequested(true);
            await queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) });
          });
        }}
      >
        {requested ? "Cancelling…" : pending ? "Requesting…" : "Cancel run"}
      </Button>
      {requested && <span className="text-xs text-slate-500">Stops at the next checkpoint (within about 10 s).</span>}
      {error && (
        <span className="text-xs text-red-600" data-testid="cancel-error">
          {error}
        </span>
      )}
    </div>
  );
}
