import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConnectionForm } from "@/components/connections/connection-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth";
import { getConnectionDetail } from "@/lib/connections";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit connection" };

export default async function EditConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const connection = await getConnectionDetail(id).catch((error) =>
    error instanceof NotFoundError ? notFound() : Promise.reject(error),
  );
  return (
    <>
      <PageHeader
        title={`Edit ${connection.name}`}
        description="Secrets show as configured; leave them blank to keep them."
      />
      <ConnectionForm
        mode="edit"
        connectionId={connection.id}
        initial={{ ...connection.config, name: connection.name, schedule: connection.schedule ?? "" }}
        secrets={connection.secrets}
        generatedExternalId={connection.config.externalId}
      />
    </>
  );
}
