import type { Metadata } from "next";
import { InventoryPage } from "@/components/inventory/inventory-page";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Reserved instances" };

export default async function ReservedInstancesPage() {
  const user = await requireUser();
  return <InventoryPage type="reserved-instances" userId={user.id} title="Reserved instances" description="EC2 reservations with their type, count, scope, product, tenancy and term." noun="Reserved instances" />;
}
