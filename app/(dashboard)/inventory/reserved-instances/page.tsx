import type { Metadata } from "next";
import { InventoryPlaceholder } from "@/components/inventory/inventory-placeholder";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Reserved instances" };

export default async function ReservedInstancesPage() {
  await requireUser();
  return <InventoryPlaceholder title="Reserved instances" noun="Reserved instances" description="EC2 reserved instances: scope, term, state and what they cover." />;
}
