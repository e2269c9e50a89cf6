"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { AuditFilter } from "@/lib/audit/audit-filter";
import { actionFamilies } from "./action-families";

type Props = { filter: AuditFilter; actors: string[]; actions: string[] };

const controlClass = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

// Dropdowns and dates apply at once; the search text on Enter or Apply. Any change starts again
// at page 1, and the URL holds the whole filter (a shareable link, the export's filter).
export function AuditLogFilters({ filter, actors, actions }: Props) {
  const router = useRouter();
  const apply = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    }
    const query = params.toString();
    router.push(query ? `?${query}` : "?");
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const applyNow = (event: FormEvent<HTMLSelectElement | HTMLInputElement>) => {
    if (event.currentTarget.form) apply(event.currentTarget.form);
  };
  // A value from the URL that the log no longer holds stays selectable, so the control shows the truth.
  const actorChoices = filter.actor && !actors.includes(filter.actor) ? [filter.actor, ...actors] : actors;
  const families = actionFamilies(
    filter.action && !actions.includes(filter.action) && !filter.action.endsWith(".")
      ? [filter.action, ...actions]
      : actions,
  );
  return (
    <form
      role="search"
      aria-label="Filter audit events"
      onSubmit={submit}
      className="mb-4 flex flex-wrap items-end gap-3"
      data-testid="audit-filters"
    >
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Search
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          placeholder="E-mail, target, IP, details…"
          className={`${controlClass} w-64`}
        />
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Actor
        <select
          name="actor"
          defaultValue={filter.actor ?? ""}
          onChange={applyNow}
          className={`${controlClass} max-w-64`}
        >
          <option value="">All actors</option>
          {actorChoices.map((actor) => (
            <option key={actor} value={actor}>
              {actor}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Action
        <select
          name="action"
          defaultValue={filter.action ?? ""}
          onChange={applyNow}
          className={`${controlClass} max-w-64`}
        >
          <option value="">All actions</option>
          {families.map((family) => (
            <optgroup key={family.prefix} label={family.label}>
              <option value={family.prefix}>All {family.label.toLowerCase()} actions</option>
              {family.actions.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        From (UTC)
        <input
          type="date"
          name="from"
          defaultValue={filter.from ?? ""}
          max={filter.to}
          onChange={applyNow}
          className={controlClass}
        />
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        To (UTC)
        <input
          type="date"
          name="to"
          defaultValue={filter.to ?? ""}
          min={filter.from}
          onChange={applyNow}
          className={controlClass}
        />
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      <Button type="button" variant="ghost" onClick={() => router.push("?")}>
        Clear filters
      </Button>
    </form>
  );
}
