import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConnectionDetailView } from "@/components/connections/connection-detail-view";
import { requireAdmin } from "@/lib/auth";
import { countSeenOnlyBy } from "@/lib/collector";
import { getConnectionDetail, generateConnectionPolicies } from "@/lib/connections";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Connection" };

// Configuration, Test Connection and the generated IAM policies. Admins only.
export default async function ConnectionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const connection = await getConnectionDetail(id).catch((error) =>
    error instanceof NotFoundError ? notFound() : Promise.reject(error),
  );
  const [policies, leaving] = await Promise.all([generateConnectionPolicies(id), countSeenOnlyBy(id)]);
  return <ConnectionDetailView connection={connection} policies={policies} resourcesOnlyHere={leaving} />;
}
