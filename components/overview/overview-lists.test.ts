import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildOverview, vcpuSeries } from "@/lib/inventory/overview";
import type { CurrentInventory } from "@/lib/inventory/overview/load-current";
import type { HostRow, ReservedInstanceRow } from "@/lib/resources/rows";
import { OVERVIEW_LIST_LIMIT } from "./list-limit";
import { OverviewDashboard } from "./overview-dashboard";

// An estate larger than every Overview list: ACCOUNTS accounts with 1..ACCOUNTS instances
// (account i has i, i of them running when i is even), HOSTS dedicated hosts, EXPIRING
// reservations ending within 90 days.
const ACCOUNTS = 25;
const HOSTS = 14;
const EXPIRING = 13;
const NOW = new Date("2026-12-01T00:00:00.000Z");
const accountId = (i: number) => String(100000000000 + i);
const located = (i: number) => ({ accountId: accountId(i), region: "eu-west-1", connectionId: "c1" });

function estate(): CurrentInventory {
  const accounts = Array.from({ length: ACCOUNTS }, (_, k) => k + 1);
  return {
    instances: accounts.map((i) => ({
      ...located(i),
      state: i % 2 === 0 ? "running" : "stopped",
      licensedProduct: "Linux/UNIX",
      licenceModel: "license-included",
      hostId: null,
      vcpus: 2 * i,
      instances: i,
    })),
    coverage: [],
    hosts: Array.from({ length: HOSTS }, (_, k) => ({
      ...({ hostId: `h-${String(k).padStart(17, "0")}`, state: "available", sockets: 2, cores: 48 } as HostRow),
      availabilityZone: "eu-west-1a",
      totalVcpus: 96,
      instanceFamily: "m5",
      ...located(1),
    })),
    reservedInstances: Array.from({ length: EXPIRING }, (_, k) => ({
      ...({ reservedInstancesId: `ri-${k}`, state: "active", instanceType: "m5.large" } as ReservedInstanceRow),
      instanceCount: 1,
      end: new Date(NOW.getTime() + (k + 1) * 5 * 86_400_000).toISOString(),
      ...located(2),
    })),
    dbInstances: [],
    accounts: accounts.map((i) => ({ accountId: accountId(i), alias: null })),
  };
}

const html = renderToStaticMarkup(
  createElement(OverviewDashboard, { overview: buildOverview(estate(), vcpuSeries([], NOW, NOW), NOW) }),
);
const section = (id: string) => html.slice(html.indexOf(`data-testid="overview-${id}"`)).split("</section>")[0];
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("the Overview's lists at any size", () => {
  it("draws the largest accounts and sums the others in one line", () => {
    const bars = section("by-account");
    expect(count(bars, "<li")).toBe(OVERVIEW_LIST_LIMIT);
    // Largest first: accounts ACCOUNTS down to ACCOUNTS - LIMIT + 1 are drawn.
    expect(bars).toContain(`>${accountId(ACCOUNTS)}<`);
    expect(bars).not.toContain(`>${accountId(ACCOUNTS - OVERVIEW_LIST_LIMIT)}<`);
    const rest = Array.from({ length: ACCOUNTS - OVERVIEW_LIST_LIMIT }, (_, k) => k + 1);
    const running = rest.filter((i) => i % 2 === 0).reduce((n, i) => n + i, 0);
    const all = rest.reduce((n, i) => n + i, 0);
    expect(bars).toContain(`${rest.length} more accounts: ${all} instances · ${running} running`);
  });

  it("lists the first hosts and still totals every host", () => {
    const hosts = section("hosts");
    expect(count(hosts, 'role="meter"')).toBe(OVERVIEW_LIST_LIMIT + 1); // + the totals row
    expect(hosts).toContain(`All ${HOSTS} active hosts`);
    expect(hosts).toContain(`>${2 * HOSTS}</td>`); // sockets of every host
    expect(hosts).toContain(`${OVERVIEW_LIST_LIMIT} of ${HOSTS} hosts listed`);
  });

  it("lists the reservations that end soonest and counts every one", () => {
    const expiring = section("ri-expiring");
    expect(count(expiring, "<tr")).toBe(OVERVIEW_LIST_LIMIT + 1); // + the header
    expect(expiring).toContain(">ri-0");
    expect(expiring).not.toContain(`>ri-${EXPIRING - 1}`);
    expect(expiring).toContain(`The ${OVERVIEW_LIST_LIMIT} that end soonest of ${EXPIRING}.`);
  });

  it("says nothing of left-out rows when a list fits", () => {
    expect(section("by-region")).not.toContain("more regions");
    expect(html).not.toContain("by-region-listed");
  });
});
