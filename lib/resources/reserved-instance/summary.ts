import type { InventoryInput } from "../summary-input";

type Expiring = { count: number; instances: number };

export type ReservedInstancesSummary = {
  reservedInstances: {
    count: number;
    active: number;
    activeInstances: number;
    expiringIn30Days: Expiring;
    expiringIn90Days: Expiring;
  };
};

const DAY_MS = 86_400_000;

/** Reservations, the active ones and what expires within 30 and 90 days of `now`. */
export function summarizeReservedInstances(input: InventoryInput, now: Date): ReservedInstancesSummary {
  const rows = input.reservedInstances;
  const active = rows.filter((r) => r.state === "active");
  const expiringWithin = (days: number): Expiring => {
    const horizon = now.getTime() + days * DAY_MS;
    const expiring = active.filter((r) => r.end !== null && Date.parse(r.end) <= horizon);
    return { count: expiring.length, instances: expiring.reduce((n, r) => n + (r.instanceCount ?? 0), 0) };
  };
  return {
    reservedInstances: {
      count: rows.length,
      active: active.length,
      activeInstances: active.reduce((n, r) => n + (r.instanceCount ?? 0), 0),
      expiringIn30Days: expiringWithin(30),
      expiringIn90Days: expiringWithin(90),
    },
  };
}
