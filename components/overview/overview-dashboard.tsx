import type { ReactNode } from "react";
import type { Overview } from "@/lib/inventory/overview";
import { inventoryHref, RESOURCES } from "@/lib/resources/registry";
import { BarList } from "./bar-list";
import { ChartCard } from "./chart-card";
import { HostsTable } from "./hosts-table";
import { licenceModelLabel, OracleTable } from "./oracle-table";
import { CoverageTable, ExpiringTable } from "./reserved-tables";
import { TotalsCards } from "./totals-cards";
import { VcpuChart } from "./vcpu-chart";

const instances = (query: Record<string, string> = {}) => inventoryHref("ec2-instance", query);
const { labels: hostLabels } = RESOURCES["dedicated-host"];
const { labels: reservationLabels } = RESOURCES["reserved-instance"];

// The overview's panels; every chart links to the inventory table filtered to its rows.
// `oracleNotice`: what the Oracle figures could not see (the page's coverage banner for RDS).
export function OverviewDashboard({ overview, oracleNotice }: { overview: Overview; oracleNotice?: ReactNode }) {
  const accounts = overview.byAccount.map((a) => ({
    key: a.accountId,
    label: a.alias ?? a.accountId,
    sublabel: a.alias ? a.accountId : undefined,
    value: a.count,
    secondary: a.running,
    href: instances({ account: a.accountId }),
  }));
  const regions = overview.byRegion.map((r) => ({
    key: r.region,
    label: r.region,
    value: r.count,
    secondary: r.running,
    href: instances({ region: r.region }),
  }));
  const licences = [...overview.totals.byLicence]
    .sort((a, b) => b.count - a.count)
    .map((l) => ({
      key: `${l.licensedProduct}|${l.licenceModel}`,
      label: l.licensedProduct,
      sublabel: licenceModelLabel(l.licenceModel),
      value: l.count,
      secondary: l.running,
      href: instances({ licensedProduct: l.licensedProduct, licenceModel: l.licenceModel }),
    }));
  return (
    <div className="space-y-6">
      <TotalsCards overview={overview} />
      <ChartCard
        id="vcpus"
        title="vCPUs over the last 30 days"
        description="Summed across connections, hourly, from each connection's latest run."
        href={instances({ state: "running" })}
        linkLabel="Running instances"
      >
        <VcpuChart series={overview.vcpus} />
      </ChartCard>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <ChartCard
          id="by-account"
          title="Instances by account"
          description="Bar: all instances; strong blue part: running."
        >
          <BarList
            id="by-account"
            bars={accounts}
            unit="instances"
            secondaryUnit="running"
            label="Instances by account"
            others="accounts"
          />
        </ChartCard>
        <ChartCard
          id="by-region"
          title="Instances by region"
          description="Bar: all instances; strong blue part: running."
        >
          <BarList
            id="by-region"
            bars={regions}
            unit="instances"
            secondaryUnit="running"
            label="Instances by region"
            others="regions"
          />
        </ChartCard>
        <ChartCard
          id="by-licence"
          title="Instances by licensed product"
          description="BYOL uses your entitlements; licence included is paid through AWS."
        >
          <BarList
            id="by-licence"
            others="licensed products"
            bars={licences}
            unit="instances"
            secondaryUnit="running"
            label="Instances by licensed product and licence model"
          />
        </ChartCard>
      </div>
      <ChartCard
        id="oracle"
        title="Oracle on RDS"
        description="EE: 2 vCPUs = 1 processor with hyper-threading, else 1 per vCPU. SE2: 4 vCPUs (rounded up) = 1 socket, at most 8 vCPUs."
        href={inventoryHref("rds-db-instance", { engine: "oracle-ee", licenceModel: "byol" })}
        linkLabel="Oracle EE BYOL databases"
      >
        {oracleNotice}
        <OracleTable oracle={overview.oracle} />
      </ChartCard>
      <ChartCard
        id="hosts"
        title={hostLabels.title}
        description="Sockets and physical cores of active hosts; utilisation is vCPUs of the instances placed on them."
        href={inventoryHref("dedicated-host")}
      >
        <HostsTable hosts={overview.hosts} />
      </ChartCard>
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-5">
        <ChartCard
          id="ri-expiring"
          className="2xl:col-span-2"
          title={`${reservationLabels.title} expiring`}
          description="Active reservations ending within 30 and 90 days."
          href={inventoryHref("reserved-instance", { state: "active" })}
        >
          <ExpiringTable ri={overview.reservedInstances} />
        </ChartCard>
        <ChartCard
          id="ri-coverage"
          className="2xl:col-span-3"
          title="RI coverage"
          description="Running on-demand instances matched to active RIs by type, AZ / region, platform and tenancy, within each account."
          href={inventoryHref("reserved-instance", { state: "active" })}
        >
          {/* Focusable, so keyboard users can scroll it too (its rows hold no links). */}
          <div
            className="max-h-96 overflow-y-auto"
            tabIndex={0}
            role="region"
            aria-label="RI coverage by instance type"
          >
            <CoverageTable coverage={overview.riCoverage} />
          </div>
        </ChartCard>
      </div>
    </div>
  );
}
