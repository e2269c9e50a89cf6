"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteConnectionAction, setConnectionEnabledAction } from "@/app/(dashboard)/connections/actions";
import { Button } from "@/components/ui/button";

export function deleteConfirmation(name: string, resourcesOnlyHere: number): string {
  const leaving =
    resourcesOnlyHere === 0
      ? "No resource leaves the live inventory: other connections see everything it collected."
      : `${resourcesOnlyHere} resource${resourcesOnlyHere === 1 ? "" : "s"} that no other connection sees will leave the live inventory as out of scope (their history is kept).`;
  return `Delete the connection "${name}"? ${leaving}`;
}

type Props = { id: string; name: string; enabled: boolean; hasSchedule: boolean; resourcesOnlyHere: number };

// Pause/Resume only where there is a schedule to pause: without one, runs are manual anyway.
export function ConnectionActionsBar({ id, name, enabled, hasSchedule, resourcesOnlyHere }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  return (
    <div className="flex items-center gap-2">
      {hasSchedule && (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await setConnectionEnabledAction({ id, enabled: !enabled });
              setError(result.error);
              router.refresh();
            })
          }
        >
          {enabled ? "Pause schedule" : "Resume schedule"}
        </Button>
      )}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(deleteConfirmation(name, resourcesOnlyHere))) return;
          startTransition(async () => {
            const result = await deleteConnectionAction({ id });
            if (result.error) return setError(result.error);
            router.push("/connections");
            router.refresh();
          });
        }}
      >
        Delete
      </Button>
      {error && <span className="text-xs text-red-600">{error}</span>}
    </div>
  );
}
