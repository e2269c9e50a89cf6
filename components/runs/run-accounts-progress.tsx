import { Card } from "@/components/ui/card";
import type { RunDetail } from "@/lib/collector";
import { formatCount } from "./format";

type AccountProgress = RunDetail["progressByAccount"][number];

// Enough rows to follow a run live; a run over thousands of accounts lists those still going first.
const SHOWN = 100;

// Accounts still going first (those with a worker on them, then those waiting), then the finished.
function order(a: AccountProgress, b: AccountProgress): number {
  const rank = (account: AccountProgress) =>
    account.workerCount > 0 ? 0 : finished(account) < account.total ? 1 : account.failed > 0 ? 2 : 3;
  return rank(a) - rank(b) || a.accountId.localeCompare(b.accountId);
}

const finished = (account: AccountProgress) => account.done + account.failed + account.skipped;

// Per account of the run: scopes done / failed / total, a bar, and the workers on it now. While
// the run goes on the list is open; once it ended, a summary line opens onto the same list.
export function RunAccountsProgress({ accounts, active }: { accounts: AccountProgress[]; active: boolean }) {
  if (accounts.length === 0) return null;
  const complete = accounts.filter((account) => finished(account) === account.total && account.failed === 0).length;
  const withFailures = accounts.filter((account) => account.failed > 0).length;
  const handedOver = accounts.reduce((sum, account) => sum + account.handedOver, 0);
  const summary = [
    `${formatCount(accounts.length)} ${accounts.length === 1 ? "account" : "accounts"}`,
    `${formatCount(complete)} complete`,
    withFailures ? `${formatCount(withFailures)} with failed scopes` : null,
    handedOver ? `${formatCount(handedOver)} ${handedOver === 1 ? "job" : "jobs"} handed over` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const list = <AccountList accounts={[...accounts].sort(order)} />;
  return (
    <Card className="p-5" data-testid="run-accounts">
      {active ? (
        <>
          <h2 className="mb-1 text-sm font-semibold">Progress per account</h2>
          <p className="mb-3 text-xs text-slate-600" data-testid="run-accounts-summary">
            {summary}
          </p>
          {list}
        </>
      ) : (
        <details>
          <summary className="cursor-pointer text-sm">
            <span className="font-semibold">Per account</span>{" "}
            <span className="text-slate-600" data-testid="run-accounts-summary">
              {summary}
            </span>
          </summary>
          <div className="mt-3">{list}</div>
        </details>
      )}
    </Card>
  );
}

function AccountList({ accounts }: { accounts: AccountProgress[] }) {
  return (
    <>
      <ul className="divide-y divide-slate-100" aria-label="Accounts">
        {accounts.slice(0, SHOWN).map((account) => (
          <AccountLine key={account.accountId} account={account} />
        ))}
      </ul>
      {accounts.length > SHOWN && (
        <p className="mt-2 text-xs text-slate-600">
          Showing {SHOWN} of {formatCount(accounts.length)} accounts, those still going first.
        </p>
      )}
    </>
  );
}

function AccountLine({ account }: { account: AccountProgress }) {
  const label = `${account.done} done, ${account.failed} failed, of ${account.total} scopes`;
  const width = (count: number) => `${account.total ? (count / account.total) * 100 : 0}%`;
  return (
    <li
      className="grid gap-x-4 gap-y-1 py-2 text-sm sm:grid-cols-[9rem_1fr_14rem]"
      data-testid="run-account"
      data-account-id={account.accountId}
    >
      <span className="font-mono text-xs text-slate-800">{account.accountId}</span>
      <div className="flex items-center gap-3">
        <div
          role="progressbar"
          aria-label={`Scopes of account ${account.accountId}`}
          aria-valuemin={0}
          aria-valuemax={account.total}
          aria-valuenow={finished(account)}
          aria-valuetext={label}
          className="flex h-2 w-32 shrink-0 overflow-hidden rounded-full bg-slate-100"
        >
          <div className="bg-green-500" style={{ width: width(account.done) }} />
          <div className="bg-red-500" style={{ width: width(account.failed) }} />
          <div className="bg-slate-400" style={{ width: width(account.skipped) }} />
        </div>
        <span className="tabular-nums text-xs text-slate-700" data-testid="run-account-counts">
          {label}
        </span>
      </div>
      <AccountWorkers account={account} />
    </li>
  );
}

// Admins see host:pid per worker; viewers (whose copy has no hosts) see how many.
function AccountWorkers({ account }: { account: AccountProgress }) {
  const parts: string[] = account.workers.length
    ? account.workers.map((worker) => `${worker.host}:${worker.pid}${worker.alive ? "" : " (gone)"}`)
    : account.workerCount
      ? [`${account.workerCount} ${account.workerCount === 1 ? "worker" : "workers"}`]
      : [];
  if (account.handedOver) parts.push(`${account.handedOver} handed over`);
  return (
    <span className="text-xs text-slate-600" data-testid="run-account-workers">
      {parts.join(" · ")}
    </span>
  );
}
