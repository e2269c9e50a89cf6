import type { Metadata } from "next";
import { InventoryPlaceholder } from "@/components/inventory/inventory-placeholder";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Dedicated hosts" };

export default async function HostsPage() {
  await requireUser();
  return <InventoryPlaceholder title="Dedicated hosts" noun="Dedicated hosts" description="EC2 dedicated hosts with sockets, physical cores and the instances placed on them." />;
}
