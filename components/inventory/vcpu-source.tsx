// Where an instance's vCPU figure came from. Licence counts rest on it, so a figure that is not
// the instance's own CpuOptions says so: the table marks the built-in fallback, the drawer
// always names the source.

const SOURCE_TEXT: Record<string, string> = {
  "cpu-options": "From the instance's own CpuOptions (DescribeInstances)",
  "instance-types": "From DescribeInstanceTypes: the type's default topology (the instance reported no CpuOptions)",
  "built-in": "From Cirrus's built-in table: DescribeInstanceTypes was denied or failed (or did not list this type)",
};

export function vcpuSourceText(source: unknown): string {
  return (typeof source === "string" && SOURCE_TEXT[source]) || "Unknown: neither the instance nor DescribeInstanceTypes reported its CPU topology";
}

/** The vCPUs cell: the figure, with a marker when it came from the built-in table. */
export function VcpuCell({ text, source }: { text: string; source: unknown }) {
  if (source !== "built-in") return <>{text}</>;
  const title = vcpuSourceText(source);
  return (
    <span title={title} data-testid="vcpu-built-in">
      {text} <span aria-hidden="true">ⓘ</span>
      <span className="sr-only">{title}</span>
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
