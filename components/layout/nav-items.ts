import { inventoryHref, RESOURCE_LIST } from "@/lib/resources/registry";

export type NavItem = { href: string; label: string; adminOnly?: boolean };
export type NavSection = { label?: string; items: NavItem[]; adminOnly?: boolean };

export const NAV_SECTIONS: NavSection[] = [
  {
    items: [
      { href: "/", label: "Overview" },
      { href: "/connections", label: "Connections" },
    ],
  },
  {
    label: "Inventory",
    // One entry per registered resource type, in the registry's order.
    items: RESOURCE_LIST.map((definition) => ({ href: inventoryHref(definition.type), label: definition.labels.nav })),
  },
  {
    label: "Licences",
    items: [
      { href: "/licence-position", label: "Licence position" },
      { href: "/software", label: "Software" },
    ],
  },
  {
    items: [
      { href: "/runs", label: "Runs" },
      { href: "/coverage", label: "Coverage" },
    ],
  },
  {
    label: "Settings",
    adminOnly: true,
    items: [
      { href: "/settings/users", label: "Users" },
      { href: "/settings/api-tokens", label: "API tokens" },
      { href: "/settings/audit-log", label: "Audit log" },
      { href: "/settings/workers", label: "Workers" },
    ],
  },
];
