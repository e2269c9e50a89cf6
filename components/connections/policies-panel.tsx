"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/cn";

export type PolicyDocuments = {
  basePolicy: unknown;
  memberPolicy: unknown;
  trustPolicy: unknown;
  cloudFormationTemplate: string;
};

const TABS = [
  { key: "basePolicy", title: "Base principal policy", file: "cirrus-base-policy.json" },
  { key: "memberPolicy", title: "Member role permissions", file: "cirrus-member-policy.json" },
  { key: "trustPolicy", title: "Member role trust policy", file: "cirrus-trust-policy.json" },
  { key: "cloudFormationTemplate", title: "CloudFormation (StackSets)", file: "cirrus-member-role.yaml" },
] as const;

// Least-privilege documents generated for the connection's current options, to copy or download.
// `notes` explain placeholders and wildcards, so they sit above the documents.
export function PoliciesPanel({
  policies,
  connectionName,
  notes = [],
}: {
  policies: PolicyDocuments;
  connectionName: string;
  notes?: string[];
}) {
  const [active, setActive] = useState<(typeof TABS)[number]["key"]>("basePolicy");
  const tab = TABS.find((candidate) => candidate.key === active)!;
  const value = policies[active];
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  // A wizard's connection may have no name yet: the file is then just "cirrus-….json".
  const fileName = [connectionName.trim(), tab.file]
    .filter(Boolean)
    .join("-")
    .replace(/[^\w.-]+/g, "-");

  function download() {
    const url = URL.createObjectURL(
      new Blob([text], { type: tab.file.endsWith(".json") ? "application/json" : "text/yaml" }),
    );
    const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next tick: some browsers read the URL only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div className="space-y-3">
      {notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600" data-testid="policy-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div role="tablist" aria-label="Policies" className="flex flex-wrap gap-1">
        {TABS.map((candidate) => (
          <button
            key={candidate.key}
            role="tab"
            type="button"
            aria-selected={candidate.key === active}
            onClick={() => setActive(candidate.key)}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm",
              candidate.key === active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {candidate.title}
          </button>
        ))}
      </div>
      <div className="flex min-w-0 gap-2">
        <CopyButton value={text} />
        <Button size="sm" variant="secondary" onClick={download}>
          Download
        </Button>
        <span className="self-center truncate font-mono text-xs text-slate-500">{fileName}</span>
      </div>
      <pre
        role="tabpanel"
        tabIndex={0}
        aria-label={tab.title}
        className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
        data-testid="policy-document"
      >
        {text}
      </pre>
    </div>
  );
}
