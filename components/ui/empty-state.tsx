import type { ReactNode } from "react";
import { Card } from "./card";

// What a page shows before it has data: what will be here, and what to do to get it.
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card className="px-6 py-12 text-center" data-testid="empty-state">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mx-auto mt-2 max-w-xl text-sm text-slate-600">{children}</div>
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </Card>
  );
}
