import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";

// One overview panel: a titled chart or table and a link to the inventory rows behind it.
export function ChartCard({
  id,
  title,
  description,
  href,
  linkLabel = "View in table",
  className,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  href?: string;
  linkLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={cn("min-w-0 p-4", className)} data-testid={`overview-${id}`}>
      <section aria-labelledby={`overview-${id}-title`}>
        <div className="mb-3 flex items-start justify-between gap-3">
          <div>
            <h2 id={`overview-${id}-title`} className="text-sm font-semibold text-slate-900">
              {title}
            </h2>
            {description && <p className="mt-0.5 text-xs text-slate-500">{description}</p>}
          </div>
          {href && (
            <Link href={href} className="shrink-0 text-xs font-medium text-brand-700 underline">
              {linkLabel}
            </Link>
          )}
        </div>
        {children}
      </section>
    </Card>
  );
}
