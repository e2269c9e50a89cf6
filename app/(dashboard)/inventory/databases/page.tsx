import type { Metadata } from "next";
import Link from "next/link";
import { InventoryPage } from "@/components/inventory/inventory-page";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: "RDS databases" };

export default async function DatabasesPage() {
  const user = await requireUser();
  const presets = (
    <>
      <Link href="/inventory/databases?engine=oracle-*" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Oracle
      </Link>
      <Link href="/inventory/databases" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
        All engines
      </Link>
    </>
  );
  return <InventoryPage type="databases" userId={user.id} title="RDS databases" description="RDS DB instances with engine, edition, licence model, class and vCPUs." noun="Databases" actions={presets} />;
}
