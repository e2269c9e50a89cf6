import type { Metadata } from "next";
import Link from "next/link";
import { RefreshWhileActive } from "@/components/runs/refresh-while-active";
import { isRunActive } from "@/components/runs/run-status";
import { RunsPagination } from "@/components/runs/runs-pagination";
import { RunsTable } from "@/components/runs/runs-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { listRuns } from "@/lib/collector";
import { parsePageParam } from "@/lib/http/page-param";

export const metadata: Metadata = { title: "Runs" };

const PAGE_SIZE = 25;

// Every collection, newest first, paged (?page=) and optionally for one connection
// (?connection=). Viewers and admins; only admins get links to connections.
export default async function RunsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[]; connection?: string }>;
}) {
  const user = await requireUser();
  const { page, connection } = await searchParams;
  const connectionId = connection || undefined;
  const result = await listRuns({
    redact: user.role !== "admin",
    connectionId,
    page: parsePageParam(page),
    pageSize: PAGE_SIZE,
  });
  const filterName = result.runs[0]?.connectionName;
  const description = connectionId ? (
    <>
      Runs of {filterName ? <span className="font-medium">{filterName}</span> : "this connection"} ·{" "}
      <Link href="/runs" className="text-brand-700 hover:underline">
        show all runs
      </Link>
    </>
  ) : (
    "Every collection, scheduled or on demand, with its per-scope results."
  );

  return (
    <>
      <PageHeader title="Runs" description={description} />
      {result.runs.length ? (
        <>
          <RefreshWhileActive active={result.runs.some((run) => isRunActive(run.status))} />
          <RunsTable runs={result.runs} linkConnections={user.role === "admin"} />
          <RunsPagination
            total={result.total}
            page={result.page}
            pageCount={result.pageCount}
            connectionId={connectionId}
          />
        </>
      ) : result.total > 0 ? (
        <EmptyState
          title="No runs on this page"
          action={
            <Link
              href={connectionId ? `/runs?connection=${connectionId}` : "/runs"}
              className="text-sm text-brand-700 hover:underline"
            >
              Go to the newest runs
            </Link>
          }
        >
          This page is past the last one: there are {result.total} runs in all.
        </EmptyState>
      ) : (
        <EmptyState title={connectionId ? "No runs of this connection yet" : "No runs yet"}>
          Collections appear here once a connection runs on its schedule, or when an administrator clicks Run now on a
          connection.
        </EmptyState>
      )}
    </>
  );
}
