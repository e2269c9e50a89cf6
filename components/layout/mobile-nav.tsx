"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { NavSection } from "./nav-items";
import { NavSections } from "./nav-sections";

// Below 1024 px the sidebar gives its width to the page: a Menu button opens it as a panel over
// the page. It closes on Escape, on the backdrop, on the close button and after navigating, and
// gives focus back to the Menu button.
export function MobileNav({ sections }: { sections: NavSection[] }) {
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const pathname = usePathname();
  const menuButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // A link followed inside the panel changes the path: the panel has done its job.
  if (open && openedOn !== pathname) {
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  function close() {
    setOpen(false);
    menuButton.current?.focus();
  }

  return (
    <>
      <button
        ref={menuButton}
        type="button"
        onClick={() => {
          setOpenedOn(pathname);
          setOpen(true);
        }}
        aria-expanded={open}
        aria-controls="mobile-navigation"
        className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 lg:hidden"
      >
        <Menu aria-hidden className="size-5" />
        Menu
      </button>
      {open && (
        <div className="fixed inset-0 z-50 lg:hidden">
          <div className="absolute inset-0 bg-black/40" aria-hidden onClick={close} />
          <div
            ref={panel}
            id="mobile-navigation"
            role="dialog"
            aria-modal="true"
            aria-label="Navigation"
            className="absolute inset-y-0 left-0 w-72 max-w-[85vw] overflow-y-auto border-r border-slate-200 bg-white shadow-xl"
          >
            <div className="flex items-center justify-between px-5 py-3">
              <span className="text-lg font-semibold tracking-tight text-slate-900">Cirrus</span>
              <button
                type="button"
                onClick={close}
                aria-label="Close menu"
                className="rounded-md p-1.5 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <X aria-hidden className="size-5" />
              </button>
            </div>
            <NavSections sections={sections} />
          </div>
        </div>
      )}
    </>
  );
}
