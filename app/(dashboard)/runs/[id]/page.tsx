import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunDetailView } from "@/components/runs/run-detail-view";
import { requireUser } from "@/lib/auth";
import { getRunDetail } from "@/lib/collector";

export const metadata: Metadata = { title: "Run" };

// One run with live progress and per-scope results. Viewers and admins; Cancel for admins.
export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const run = await getRunDetail(id, { redact: user.role !== "admin" });
  if (!run) notFound();
  return <RunDetailView initial={run} isAdmin={user.role === "admin"} />;
}
