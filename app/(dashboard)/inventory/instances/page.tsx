import type { Metadata } from "next";
import { InventoryPage } from "@/components/inventory/inventory-page";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "EC2 instances" };

export default async function InstancesPage() {
  const user = await requireUser();
  return <InventoryPage type="instances" userId={user.id} title="EC2 instances" description="Every EC2 instance with its platform, licence model, vCPUs and placement." noun="Instances" />;
}
