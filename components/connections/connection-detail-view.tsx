import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { ConnectionDetail } from "@/lib/connections";
import { PoliciesPanel, type PolicyDocuments } from "./policies-panel";
import type { ConnectionTestReport } from "@/lib/connections/probe";
import { CheckList } from "./check-list";
import { ConfigSummary } from "./config-summary";
import { ConnectionActionsBar } from "./connection-actions-bar";
import { RunNowButton } from "./run-now-button";
import { SavedConnectionTest } from "./saved-connection-test";
import { scheduleSentence, testOutcomeWords, utcTime } from "./status-words";

// resourcesOnlyHere: live resources no other connection sees, which deleting this one retires.
export function ConnectionDetailView({
  connection,
  policies,
  resourcesOnlyHere,
}: {
  connection: ConnectionDetail;
  policies: PolicyDocuments;
  resourcesOnlyHere: number;
}) {
  const report = connection.lastTestReport as ConnectionTestReport | null;
  const usesMfa = connection.config.credentialSource === "access-key" && !!connection.config.mfaSerial;
  return (
    <>
      <PageHeader
        title={connection.name}
        description={<span data-testid="schedule-sentence">{scheduleSentence(connection)}</span>}
        actions={
          <>
            <RunNowButton
              connectionId={connection.id}
              needsMfa={usesMfa}
              mfaSessionExpiresAt={connection.mfaSessionExpiresAt}
            />
            <Link
              href={`/runs?connection=${connection.id}`}
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium"
            >
              Runs
            </Link>
            <Link
              href={`/connections/${connection.id}/edit`}
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium"
            >
              Edit
            </Link>
            <ConnectionActionsBar
              id={connection.id}
              name={connection.name}
              enabled={connection.enabled}
              hasSchedule={!!connection.schedule}
              resourcesOnlyHere={resourcesOnlyHere}
            />
          </>
        }
      />
      {connection.attention && (
        <Alert tone="info" className="mb-4">
          <span data-testid="connection-attention">{connection.attention}</span>
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold">Configuration</h2>
          <ConfigSummary connection={connection} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold">Test connection</h2>
          <SavedConnectionTest connectionId={connection.id} needsMfa={usesMfa} />
          {report && (
            <details className="mt-4" open={false}>
              <summary className="cursor-pointer text-sm text-slate-600">
                Last test: <span data-testid="last-test-outcome">{testOutcomeWords(report.outcome).toLowerCase()}</span>
                {connection.lastTestAt ? ` at ${utcTime(connection.lastTestAt, true)}` : ""}
              </summary>
              <div className="mt-3">
                <CheckList events={report.events} />
              </div>
            </details>
          )}
        </Card>
      </div>
      <Card className="mt-6 p-5">
        <h2 className="mb-3 text-sm font-semibold">IAM policies for these options</h2>
        <PoliciesPanel policies={policies} connectionName={connection.name} />
      </Card>
    </>
  );
}
