import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

// Shown by an inventory page until collections have stored resources of its type.
export function InventoryPlaceholder({ title, description, noun }: { title: string; description: string; noun: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Nothing collected yet">
        {noun} appear here after the first successful collection from a connection.
      </EmptyState>
    </>
  );
}
