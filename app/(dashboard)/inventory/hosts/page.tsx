import type { Metadata } from "next";
import { InventoryPage } from "@/components/inventory/inventory-page";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Dedicated hosts" };

export default async function HostsPage() {
  const user = await requireUser();
  return <InventoryPage type="hosts" userId={user.id} title="Dedicated hosts" description="Dedicated hosts with their sockets, cores, vCPUs and the instances placed on them." noun="Dedicated hosts" />;
}
