import type { SeriesPoint, VcpuSeries } from "@/lib/inventory/overview";

const W = 640;
const H = 180;
const PAD = { top: 16, right: 12, bottom: 24, left: 44 };

function fmtTime(iso: string): string {
  return iso.slice(0, 16).replace("T", " ") + " UTC";
}

// Running and total vCPUs per hour as an SVG step line, the period's peak (running vCPUs)
// marked; the numbers are also in a table below, collapsed by default.
export function VcpuChart({ series }: { series: VcpuSeries }) {
  const { points, peak } = series;
  if (points.length === 0) return <p className="text-sm text-slate-500">No run in this period yet.</p>;
  const t0 = Date.parse(series.from);
  const t1 = Date.parse(series.to);
  const max = Math.max(1, ...points.map((p) => p.totalVcpus));
  const x = (iso: string) => PAD.left + ((Date.parse(iso) - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const path = (pick: (p: SeriesPoint) => number) => {
    // Step line: a value holds until the next point, and the last one until now.
    let d = "";
    points.forEach((p, i) => {
      d += i === 0 ? `M${x(p.at)},${y(pick(p))}` : `H${x(p.at)}V${y(pick(p))}`;
    });
    return `${d}H${x(series.to)}`;
  };
  const label = `vCPUs from ${fmtTime(series.from)} to ${fmtTime(series.to)}: ${points.length} points; peak ${peak?.runningVcpus ?? 0} running vCPUs at ${peak ? fmtTime(peak.at) : "n/a"}; now ${points.at(-1)!.runningVcpus} running of ${points.at(-1)!.totalVcpus} vCPUs.`;
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={label}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="stroke-slate-200" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="fill-slate-500 text-[10px]">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 6} className="fill-slate-500 text-[10px]">
          {series.from.slice(0, 10)}
        </text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" className="fill-slate-500 text-[10px]">
          {series.to.slice(0, 10)}
        </text>
        <path d={path((p) => p.totalVcpus)} fill="none" className="stroke-blue-300" strokeWidth={2} />
        <path d={path((p) => p.runningVcpus)} fill="none" className="stroke-brand-600" strokeWidth={2} />
        {peak && (
          <g data-testid="vcpu-peak">
            <circle cx={x(peak.at)} cy={y(peak.runningVcpus)} r={4} className="fill-amber-500" />
            <text
              x={Math.min(x(peak.at), W - 120)}
              y={Math.max(12, y(peak.runningVcpus) - 8)}
              className="fill-amber-700 text-[11px] font-semibold"
            >
              Peak {peak.runningVcpus}
            </text>
          </g>
        )}
      </svg>
      <div className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        <span>
          <span className="mr-1 inline-block h-2 w-3 rounded bg-brand-600" aria-hidden="true" />
          Running vCPUs
        </span>
        <span>
          <span className="mr-1 inline-block h-2 w-3 rounded bg-blue-300" aria-hidden="true" />
          All vCPUs (incl. stopped)
        </span>
        {peak && (
          <span className="font-medium text-amber-700">
            Peak: {peak.runningVcpus} running vCPUs, hour of {fmtTime(peak.at)}
          </span>
        )}
      </div>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-600">Show the numbers</summary>
        <table className="mt-1 w-full text-left">
          <caption className="sr-only">vCPUs per hour, summed across connections</caption>
          <thead>
            <tr className="text-slate-500">
              <th scope="col">Hour</th>
              <th scope="col" className="text-right">
                Running vCPUs
              </th>
              <th scope="col" className="text-right">
                All vCPUs
              </th>
              <th scope="col" className="text-right">
                Instances
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at}>
                <td>{fmtTime(p.at)}</td>
                <td className="text-right tabular-nums">{p.runningVcpus}</td>
                <td className="text-right tabular-nums">{p.totalVcpus}</td>
                <td className="text-right tabular-nums">{p.instances}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
