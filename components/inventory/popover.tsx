"use client";

import { createContext, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

// The toolbar's menus (filters, Export, Columns) share one "which is open" state: opening one
// closes the other, so two panels never overlap.
const OpenMenu = createContext<{ open: string | null; setOpen(id: string | null): void } | null>(null);

export function MenuGroup({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<string | null>(null);
  return <OpenMenu.Provider value={{ open, setOpen }}>{children}</OpenMenu.Provider>;
}

type Props = {
  /** The button's content; its text is the button's name. */
  label: ReactNode;
  /** The panel, or a function of "close the menu" for panels whose choice ends the menu. */
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: "left" | "right";
  className?: string;
  buttonClassName?: string;
  panelClassName?: string;
  "data-testid"?: string;
};

// A button and the panel it opens. Escape closes it (focus back on the button), so does a click
// or a tap anywhere outside it. A panel that would cross the window's right edge opens leftwards
// instead: it must never widen the page.
export function Popover({
  label,
  children,
  align = "left",
  className,
  buttonClassName,
  panelClassName,
  ...rest
}: Props) {
  const id = useId();
  const group = useContext(OpenMenu);
  const [ownOpen, setOwnOpen] = useState(false);
  const open = group ? group.open === id : ownOpen;
  const setOpen = (next: boolean) =>
    group ? group.setOpen(next ? id : group.open === id ? null : group.open) : setOwnOpen(next);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [flipped, setFlipped] = useState(false);
  const close = () => setOpen(false);
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) closeRef.current();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      closeRef.current();
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  useLayoutEffect(() => {
    if (!open || !panelRef.current || !rootRef.current) return;
    const root = rootRef.current.getBoundingClientRect();
    const width = panelRef.current.offsetWidth;
    const viewport = document.documentElement.clientWidth;
    setFlipped(align === "left" ? root.left + width > viewport : root.right - width < 0);
  }, [open, align]);

  const side = (align === "left") !== flipped ? "left-0" : "right-0";
  return (
    <div ref={rootRef} className={cn("relative", className)} data-testid={rest["data-testid"]}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => setOpen(!open)}
        className={cn(
          // The arrow is drawn by CSS: not part of the button's text or name ("Export", "Columns").
          "inline-flex items-center gap-1 rounded-md after:text-xs after:text-slate-500 after:content-['▾'] border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
          buttonClassName,
        )}
      >
        {label}
      </button>
      {open && (
        <div
          ref={panelRef}
          id={`${id}-panel`}
          className={cn(
            "absolute z-30 mt-1 rounded-md border border-slate-200 bg-white shadow-lg",
            side,
            panelClassName,
          )}
        >
          {typeof children === "function" ? children(close) : children}
        </div>
      )}
    </div>
  );
}
