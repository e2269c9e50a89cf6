import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth";
import { NAV_SECTIONS } from "./nav-items";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

// Admin-only sections are not rendered for viewers at all (not merely hidden).
export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const sections = NAV_SECTIONS.filter((section) => !section.adminOnly || user.role === "admin");
  return (
    <div className="flex min-h-screen">
      <aside className="w-56 shrink-0 border-r border-slate-200 bg-white">
        <div className="px-5 py-4 text-lg font-semibold tracking-tight text-slate-900">Cirrus</div>
        <nav aria-label="Main" className="space-y-4 px-2 pb-6">
          {sections.map((section, index) => (
            <div key={section.label ?? index}>
              {section.label && (
                <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{section.label}</div>
              )}
              {section.items.map((item) => (
                <NavLink key={item.href} href={item.href} label={item.label} />
              ))}
            </div>
          ))}
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 text-sm">
          <span className="text-slate-600" data-testid="current-user">
            {user.email} · <span className="font-medium">{user.role}</span>
          </span>
          <SignOutButton />
        </header>
        <main className="flex-1 px-6 py-6">{children}</main>
      </div>
    </div>
  );
}
