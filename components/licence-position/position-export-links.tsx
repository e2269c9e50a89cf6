const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "XLSX" },
  { format: "json", label: "JSON" },
] as const;

// The lines of this view as a file, with the same filters (the browser sends the session cookie,
// so viewers can export too). Plain links: no script needed to download.
export function PositionExportLinks({ query }: { query: string }) {
  return (
    <nav aria-label="Export this view" className="flex items-center gap-2 text-sm" data-testid="position-export">
      <span className="text-slate-600">Export:</span>
      {FORMATS.map(({ format, label }) => {
        const params = new URLSearchParams(query);
        params.set("format", format);
        return (
          <a
            key={format}
            href={`/api/v1/licence-position/export?${params}`}
            download
            className="rounded border border-slate-300 px-2 py-0.5 font-medium text-slate-800 hover:bg-slate-50"
          >
            {label}
          </a>
        );
      })}
    </nav>
  );
}
