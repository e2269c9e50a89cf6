import "server-only";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import { generatePolicies, type GeneratedPolicies } from "./policies";
import { policyOptionsFromChecks } from "./policies/test-findings";
import type { ConnectionTestReport } from "./probe";
import { parseStoredConfig, toStoredConfig } from "./schemas";
import { toAwsSettings } from "./to-settings";

// The least-privilege policies for a saved connection's options. The last test, when there is
// one, supplies the real caller ARN (for the trust policy) and the discovered member roles.
export async function generateConnectionPolicies(id: string): Promise<GeneratedPolicies> {
  const row = await getDb().connection.findUnique({
    where: { id },
    select: { name: true, config: true, lastTestReport: true },
  });
  if (!row) throw new NotFoundError("Connection not found");
  const settings = toAwsSettings(toStoredConfig(parseStoredConfig(row.name, row.config)), {});
  const report = row.lastTestReport ? (JSON.parse(row.lastTestReport) as ConnectionTestReport) : null;
  const found = report ? policyOptionsFromChecks(report.events) : {};
  return generatePolicies(settings, { ...found, principalArn: report?.callerArn ?? found.principalArn });
}
