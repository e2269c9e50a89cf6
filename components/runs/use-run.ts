"use client";

import { useQuery } from "@tanstack/react-query";
import type { RunDetail } from "@/lib/collector";
import { isRunActive } from "./run-status";

const POLL_MS = 1500;

export const runKeys = {
  all: ["runs"] as const,
  detail: (id: string) => [...runKeys.all, "detail", id] as const,
};

async function fetchRun(id: string): Promise<RunDetail> {
  const response = await fetch(`/api/runs/${encodeURIComponent(id)}`, { cache: "no-store" });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.error?.message ?? `Could not load the run (HTTP ${response.status})`);
  }
  return response.json();
}

// One run, starting from the server-rendered detail and polled while it is queued or running;
// polling stops once the run reaches a final status.
export function useRun(initial: RunDetail) {
  return useQuery({
    queryKey: runKeys.detail(initial.id),
    queryFn: () => fetchRun(initial.id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isRunActive(query.state.data.status) ? POLL_MS : false),
  });
}
