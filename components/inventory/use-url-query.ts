"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

type State = { url: string; search: string; pending: string[] };

// The page's query string as state that changes the moment a control does. The URL follows
// through history.replaceState, which Next.js folds into useSearchParams without asking the
// server for the page again (router.replace did: a toggle took ~0.5 s to show, inviting the
// second click that undid it). Navigation from elsewhere (a preset link, Back) wins.
export function useUrlQuery(): [string, (next: string) => void] {
  const pathname = usePathname();
  const url = useSearchParams().toString();
  const [state, setState] = useState<State>({ url, search: url, pending: [] });
  let { search } = state;
  if (state.url !== url) {
    // Our own replaceState arriving (possibly behind a newer one) keeps the newest; anything else is a navigation.
    const ours = state.pending.indexOf(url);
    search = ours >= 0 ? state.search : url;
    setState({ url, search, pending: ours >= 0 ? state.pending.slice(ours + 1) : [] });
  }
  const replace = useCallback(
    (next: string) => {
      setState((current) => ({ ...current, search: next, pending: [...current.pending, next] }));
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname, setState],
  );
  return [search, replace];
}
