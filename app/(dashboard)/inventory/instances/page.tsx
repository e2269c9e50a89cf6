import type { Metadata } from "next";
import { InventoryPlaceholder } from "@/components/inventory/inventory-placeholder";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "EC2 instances" };

export default async function InstancesPage() {
  await requireUser();
  return <InventoryPlaceholder title="EC2 instances" noun="Instances" description="Every EC2 instance with its platform, licence model, vCPUs and placement." />;
}
