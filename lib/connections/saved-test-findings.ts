import "server-only";
import { getDb } from "../db";
import { findingsStillValid, type TestedFields } from "./policies/test-findings";
import type { PolicyOptions } from "./policies";
import type { ConnectionTestReport } from "./probe";

// On edit, the saved connection's last test already identified the caller: the wizard's
// policies use it until the credentials or endpoint in the form differ from the saved ones.
export async function savedTestFindings(connectionId: string, formInput: TestedFields): Promise<PolicyOptions> {
  const row = await getDb().connection.findUnique({
    where: { id: connectionId },
    select: { config: true, lastTestReport: true },
  });
  if (!row?.lastTestReport) return {};
  const report = JSON.parse(row.lastTestReport) as ConnectionTestReport;
  const found = findingsStillValid(report.events, JSON.parse(row.config) as TestedFields, formInput);
  return found.principalArn && report.callerArn ? { ...found, principalArn: report.callerArn } : found;
}
