import Link from "next/link";

type Props = { total: number; page: number; pageCount: number; connectionId?: string };

// Page links keep the connection filter, so paging and filtering combine in the URL.
export function RunsPagination({ total, page, pageCount, connectionId }: Props) {
  const href = (target: number) => {
    const params = new URLSearchParams();
    if (connectionId) params.set("connection", connectionId);
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `/runs?${query}` : "/runs";
  };
  return (
    <nav aria-label="Runs pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>
        {total} {total === 1 ? "run" : "runs"} · page {page} of {pageCount}
      </span>
      <span className="flex gap-3">
        {page > 1 && (
          <Link href={href(page - 1)} className="text-brand-700 hover:underline">
            Newer
          </Link>
        )}
        {page < pageCount && (
          <Link href={href(page + 1)} className="text-brand-700 hover:underline">
            Older
          </Link>
        )}
      </span>
    </nav>
  );
}
