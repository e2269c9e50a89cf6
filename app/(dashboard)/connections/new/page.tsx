import type { Metadata } from "next";
import { ConnectionForm } from "@/components/connections/connection-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth";
import { generateExternalId } from "@/lib/connections";

export const metadata: Metadata = { title: "New connection" };

export default async function NewConnectionPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="New connection"
        description="Test before saving: each step is checked against AWS and any missing permission is named."
      />
      <ConnectionForm mode="create" generatedExternalId={generateExternalId()} />
    </>
  );
}
