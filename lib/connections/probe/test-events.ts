// Builders for the probe's unit tests: one region x API cell of the checklist.
import type { CheckEvent } from "./types";

export const apiCell = (
  accountId: string,
  region: string,
  action: string,
  status: CheckEvent["status"],
): CheckEvent => ({
  id: `api:${accountId}:${region}:${action}`,
  step: "api",
  label: action,
  status,
  accountId,
  region,
  action,
});
