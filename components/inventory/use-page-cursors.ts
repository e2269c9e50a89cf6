"use client";

import { useCallback, useEffect, useRef } from "react";

// The table pages forward by keyset (the page's nextCursor), which costs the same on page 2 and
// page 20,000, where an offset read gets slower with every page. Going back uses the cursor the
// table was given for that page earlier in this visit; without one (a reload, a shared link)
// the page is read by offset, which is still right, only slower deep in a large table.
export function usePageCursors(viewKey: string, page: number | undefined, nextCursor: string | null | undefined) {
  const cursors = useRef(new Map<string, string>());
  useEffect(() => {
    if (page !== undefined && nextCursor) cursors.current.set(`${viewKey}|${page + 1}`, nextCursor);
  }, [viewKey, page, nextCursor]);
  // The URL parameters that show `target`: no page and no cursor for page 1.
  return useCallback(
    (target: number): { page: string | null; cursor: string | null } => {
      if (target <= 1) return { page: null, cursor: null };
      const cursor =
        target === (page ?? 0) + 1 && nextCursor ? nextCursor : cursors.current.get(`${viewKey}|${target}`);
      return { page: String(target), cursor: cursor ?? null };
    },
    [viewKey, page, nextCursor],
  );
}
