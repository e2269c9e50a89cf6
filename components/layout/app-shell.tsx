import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth";
import { MobileNav } from "./mobile-nav";
import { NAV_SECTIONS } from "./nav-items";
import { NavSections } from "./nav-sections";
import { SignOutButton } from "./sign-out-button";
import { SkipLink, MAIN_CONTENT_ID } from "./skip-link";

// Admin-only sections are not rendered for viewers at all (not merely hidden).
// From 1024 px the sidebar stays beside the page; below, it is the Menu button's panel.
export function AppShell({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const sections = NAV_SECTIONS.filter((section) => !section.adminOnly || user.role === "admin");
  return (
    <div className="flex min-h-screen">
      <SkipLink />
      <aside className="sticky top-0 hidden h-screen w-56 shrink-0 overflow-y-auto border-r border-slate-200 bg-white lg:block">
        <div className="px-5 py-4 text-lg font-semibold tracking-tight text-slate-900">Cirrus</div>
        <NavSections sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 text-sm sm:px-6">
          <MobileNav sections={sections} />
          <span className="font-semibold tracking-tight text-slate-900 lg:hidden">Cirrus</span>
          <span className="ml-auto min-w-0 truncate text-slate-600" data-testid="current-user">
            {user.email} · <span className="font-medium">{user.role}</span>
          </span>
          <SignOutButton />
        </header>
        {/* tabIndex -1: the skip link moves focus here, so the next Tab starts inside the page. */}
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
