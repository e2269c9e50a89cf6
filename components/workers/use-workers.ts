"use client";

import { useQuery } from "@tanstack/react-query";
import type { WorkersOverview } from "@/lib/workers";

// Heartbeats come every 5 s: refreshing as often shows a worker going stale as it happens.
const POLL_MS = 5000;

export const workerKeys = { all: ["workers"] as const };

async function fetchWorkers(): Promise<WorkersOverview> {
  const response = await fetch("/api/workers", { cache: "no-store" });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.error?.message ?? `Could not load the workers (HTTP ${response.status})`);
  }
  return response.json();
}

// The workers and the queue, from the server-rendered list, polled while the page is open.
export function useWorkers(initial: WorkersOverview) {
  return useQuery({
    queryKey: workerKeys.all,
    queryFn: fetchWorkers,
    initialData: initial,
    refetchInterval: POLL_MS,
  });
}
