import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth";
import { listAuditEvents } from "@/lib/audit";
import { parsePageParam } from "@/lib/http/page-param";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requireAdmin();
  const { page } = await searchParams;
  const result = await listAuditEvents({ page: parsePageParam(page) });
  return (
    <>
      <PageHeader title="Audit log" description="Append-only record of sign-ins, user and role changes, and other administrative events (UTC)." />
      <AuditLogTable {...result} />
    </>
  );
}
