import type { ReactNode } from "react";

// The Overview is a summary at any size: a list panel shows its first rows and says how many it
// left out (its totals still count every one). At a million instances the host and RI lists
// alone were 0.7 MB of the page's HTML and payload, and a bar for each of thousands of accounts
// would be more; each panel's table link has every row.
export const OVERVIEW_LIST_LIMIT = 10;

/** Says what a list left out; nothing when it shows every row. */
export function ListedOf({
  listed,
  total,
  id,
  children,
}: {
  listed: number;
  total: number;
  id: string;
  children: ReactNode;
}) {
  if (listed >= total) return null;
  return (
    <p className="mt-2 text-xs text-slate-500" data-testid={`${id}-listed`}>
      {children}
    </p>
  );
}
