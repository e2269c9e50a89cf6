"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

// The freshly created token, shown this once: only its hash is stored.
export function NewApiTokenPanel({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  return (
    <div className="mb-4 space-y-2" data-testid="new-api-token-panel">
      <Alert tone="success">Created &ldquo;{name}&rdquo;. Copy the token now: it will not be shown again.</Alert>
      <div className="flex items-center gap-2">
        <input
          readOnly
          aria-label="New API token"
          data-testid="new-api-token"
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
        />
        <CopyButton value={token} />
      </div>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        I have copied it
      </Button>
    </div>
  );
}
