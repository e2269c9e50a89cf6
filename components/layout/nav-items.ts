export type NavItem = { href: string; label: string; adminOnly?: boolean };
export type NavSection = { label?: string; items: NavItem[]; adminOnly?: boolean };

export const NAV_SECTIONS: NavSection[] = [
  { items: [{ href: "/", label: "Overview" }, { href: "/connections", label: "Connections" }] },
  {
    label: "Inventory",
    items: [
      { href: "/inventory/instances", label: "Instances" },
      { href: "/inventory/hosts", label: "Dedicated hosts" },
      { href: "/inventory/reserved-instances", label: "Reserved instances" },
      { href: "/inventory/databases", label: "Databases" },
    ],
  },
  { items: [{ href: "/runs", label: "Runs" }, { href: "/coverage", label: "Coverage" }] },
  {
    label: "Settings",
    adminOnly: true,
    items: [
      { href: "/settings/users", label: "Users" },
      { href: "/settings/api-tokens", label: "API tokens" },
      { href: "/settings/audit-log", label: "Audit log" },
    ],
  },
];
