// Where an instance's vCPU figure came from. Licence counts rest on it, so a figure that is not
// the instance's own CpuOptions says so: the table marks the built-in fallback, the drawer
// always names the source.
import { Badge } from "@/components/ui/badge";

const BUILT_IN_WHY = "DescribeInstanceTypes was denied or failed (or did not list this type)";

const SOURCE_TEXT: Record<string, string> = {
  "cpu-options": "From the instance's own CpuOptions (DescribeInstances)",
  "instance-types": "From DescribeInstanceTypes: the type's default topology (the instance reported no CpuOptions)",
  "built-in": `From Cirrus's built-in table: ${BUILT_IN_WHY}`,
};

export function vcpuSourceText(source: unknown): string {
  return (
    (typeof source === "string" && SOURCE_TEXT[source]) ||
    "Unknown: the instance reported no CpuOptions, and neither DescribeInstanceTypes nor Cirrus's built-in table gave its type's topology"
  );
}

/**
 * The vCPUs cell: the figure, with a marker when it came from the built-in table. The marker is
 * a word, not an icon, so it needs neither a hover nor a font with the glyph; its tooltip says
 * why. A screen reader hears the cell as one sentence ("8 vCPUs from Cirrus's built-in table,
 * not from AWS: ..."), the figure first as in every other row.
 */
export function VcpuCell({ text, source }: { text: string; source: unknown }) {
  if (source !== "built-in") return <>{text}</>;
  return (
    <span title={vcpuSourceText(source)} data-testid="vcpu-built-in">
      {text}{" "}
      <span aria-hidden="true">
        <Badge tone="amber">built-in</Badge>
      </span>
      <span className="sr-only">vCPUs from Cirrus&apos;s built-in table, not from AWS: {BUILT_IN_WHY}</span>
    </span>
  );
}

/** The drawer's statement of the source, for instances (rows that carry vcpuSource). */
export function VcpuSourceNote({ data }: { data: Record<string, unknown> }) {
  if (!("vcpuSource" in data)) return null;
  const vcpus = data.vcpus === null || data.vcpus === undefined ? "No vCPU figure" : `${String(data.vcpus)} vCPUs`;
  return (
    <p data-testid="vcpu-source" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-slate-700">
      {vcpus}. {vcpuSourceText(data.vcpuSource)}.
    </p>
  );
}
