import type { ReactNode } from "react";

// The Overview is a summary at any size: a list panel shows its first rows and says how many it
// left out (its totals still count every one). At a million instances the hosts and expiring-RI
// lists were ~0.4 MB of the page's HTML and payload (each row is sent twice), and a bar for each
// of thousands of accounts would be more; the inventory tables have every row.
export const OVERVIEW_LIST_LIMIT = 10;

/** Says what a list of `total` rows left out; nothing when it shows every row. */
export function ListedOf({ total, id, children }: { total: number; id: string; children: ReactNode }) {
  if (total <= OVERVIEW_LIST_LIMIT) return null;
  return (
    <p className="mt-2 text-xs text-slate-500" data-testid={`${id}-listed`}>
      {children}
    </p>
  );
}
