import type { NavSection } from "./nav-items";
import { NavLink } from "./nav-link";

// The navigation's sections and links: the same list in the desktop sidebar and the narrow-screen menu.
export function NavSections({ sections }: { sections: NavSection[] }) {
  return (
    <nav aria-label="Main" className="space-y-4 px-2 pb-6">
      {sections.map((section, index) => (
        <div key={section.label ?? index}>
          {section.label && (
            <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">
              {section.label}
            </div>
          )}
          {section.items.map((item) => (
            <NavLink key={item.href} href={item.href} label={item.label} />
          ))}
        </div>
      ))}
    </nav>
  );
}
