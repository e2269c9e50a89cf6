import type { Metadata } from "next";
import { InventoryPlaceholder } from "@/components/inventory/inventory-placeholder";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Databases" };

export default async function DatabasesPage() {
  await requireUser();
  return <InventoryPlaceholder title="Databases" noun="RDS databases" description="RDS DB instances with engine, edition, licence model and processor counts (Oracle first)." />;
}
