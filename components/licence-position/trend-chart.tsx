import type { TrendGroup } from "@/lib/inventory/licence-position/licence-trend";
import { peakSentence, trendTime } from "./trend-text";

const W = 360;
const H = 96;
const PAD = { top: 10, right: 8, bottom: 16, left: 40 };

type Props = { group: TrendGroup; name: string; from: string; to: string };

// One group's figure per snapshot as an SVG step line (a figure holds until the next snapshot),
// drawn as the vCPU chart on the Overview is. A snapshot without licence figures breaks the line
// and is marked on the axis: a gap, not a drop to 0. The peak is marked; the sentence beside
// the chart says it in words.
export function TrendChart({ group, name, from, to }: Props) {
  const t0 = Date.parse(from);
  const t1 = Date.parse(to);
  const max = Math.max(1, ...group.points.map((p) => p.quantity ?? 0));
  // The snapshot current when the period began is drawn at its start.
  const x = (iso: string) =>
    PAD.left + ((Math.max(t0, Date.parse(iso)) - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  let d = "";
  let drawing = false;
  for (const p of group.points) {
    if (p.quantity === null) {
      if (drawing) d += `H${x(p.takenAt)}`;
      drawing = false;
    } else {
      d += drawing ? `H${x(p.takenAt)}V${y(p.quantity)}` : `M${x(p.takenAt)},${y(p.quantity)}`;
      drawing = true;
    }
  }
  if (drawing) d += `H${x(to)}`;
  const gaps = group.points.filter((p) => p.quantity === null);
  const { peak } = group;
  const label = `${name}, ${group.metric} from ${trendTime(from)} to ${trendTime(to)}: ${group.points.length} snapshots${gaps.length ? `, ${gaps.length} without licence figures` : ""}. ${peakSentence(group)}`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-md" role="img" aria-label={label}>
      {[0, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} className="stroke-slate-200" />
          <text x={PAD.left - 4} y={y(max * f) + 3} textAnchor="end" className="fill-slate-500 text-[9px]">
            {Math.round(max * f).toLocaleString("en")}
          </text>
        </g>
      ))}
      <text x={PAD.left} y={H - 3} className="fill-slate-500 text-[9px]">
        {from.slice(0, 10)}
      </text>
      <text x={W - PAD.right} y={H - 3} textAnchor="end" className="fill-slate-500 text-[9px]">
        {to.slice(0, 10)}
      </text>
      {gaps.map((p) => (
        <line
          key={p.takenAt}
          x1={x(p.takenAt)}
          x2={x(p.takenAt)}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom + 4}
          className="stroke-amber-600"
        />
      ))}
      <path d={d} fill="none" className="stroke-brand-600" strokeWidth={2} />
      {peak && <circle cx={x(peak.takenAt)} cy={y(peak.quantity)} r={3.5} className="fill-amber-500" />}
    </svg>
  );
}
