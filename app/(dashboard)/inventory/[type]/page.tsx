import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InventoryPage } from "@/components/inventory/inventory-page";
import { requireUser } from "@/lib/auth";
import { isResourceSlug, resourceBySlug } from "@/lib/resources/registry";

type Props = { params: Promise<{ type: string }> };

// One page per registered resource type, at /inventory/<slug>: its title, description and the
// table's noun and presets come from the type's definition (lib/resources/<type>/index.ts).
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { type } = await params;
  return isResourceSlug(type) ? { title: resourceBySlug(type).labels.title } : {};
}

export default async function InventoryTypePage({ params }: Props) {
  const user = await requireUser();
  const { type } = await params;
  if (!isResourceSlug(type)) notFound();
  return <InventoryPage type={type} userId={user.id} />;
}
