import type { ReactNode } from "react";
import type { ConnectionDetail } from "@/lib/connections";
import { BreakableId } from "./breakable-id";
import { scheduleSentence } from "./status-words";

// Secrets appear only as "configured": their values never reach this page. Values wrap at
// spaces and separators only (never mid-word); lists of ARNs or IDs get one line each.
export function ConfigSummary({ connection }: { connection: ConnectionDetail }) {
  const { config, secrets } = connection;
  const configured = (flag: boolean) => (flag ? "configured" : "not set");
  const rows: [string, ReactNode][] = [
    ["Partition", config.partition],
    [
      "Adapter",
      config.adapter === "direct"
        ? "Direct"
        : `AWS Config aggregator ${config.aggregatorName} (${config.aggregatorRegion})`,
    ],
    [
      "Credentials",
      config.credentialSource === "ambient" ? (
        `Ambient: ${config.ambientProvider}`
      ) : (
        <>
          Access key <Id text={config.accessKeyId ?? ""} />; secret {configured(secrets.secretAccessKey)}; session token{" "}
          {configured(secrets.sessionToken)}
        </>
      ),
    ],
    ["MFA device", config.mfaSerial ? <Id text={config.mfaSerial} /> : "none"],
    ["Role chain", config.roleChain.length ? <IdList items={config.roleChain.map((hop) => hop.roleArn)} /> : "none"],
    ["External ID", <Id key="x" text={config.externalId} />],
    ["Role session name", config.roleSessionName],
    ["Accounts", <Accounts key="a" connection={connection} />],
    [
      "Regions",
      config.regionMode === "all-enabled" ? "All enabled regions of each account" : config.regions.join(", "),
    ],
    [
      "Proxy",
      config.proxyUrl ? (
        <>
          <Id text={config.proxyUrl} />
          {config.proxyUsername ? ` as ${config.proxyUsername}, password ${configured(secrets.proxyPassword)}` : ""}
        </>
      ) : (
        "none"
      ),
    ],
    ["Endpoint", config.endpointUrl ? <Id text={config.endpointUrl} /> : "AWS default"],
    ["Concurrency", String(config.concurrency)],
    ["Installed software", config.collectSoftware ? "collected (SSM Inventory)" : "not collected"],
    [
      "Schedule",
      <span key="s" data-testid="schedule-state" data-state={connection.scheduleState}>
        {scheduleSentence(connection)}
      </span>,
    ],
  ];
  return (
    <dl
      className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]"
      data-testid="config-summary"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="min-w-0 text-slate-800 [overflow-wrap:break-word]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Id({ text }: { text: string }) {
  return (
    <code className="font-mono text-xs">
      <BreakableId text={text} />
    </code>
  );
}

function IdList({ items }: { items: string[] }) {
  return (
    <ul className="space-y-0.5">
      {items.map((item, index) => (
        <li key={`${index}-${item}`}>
          <Id text={item} />
        </li>
      ))}
    </ul>
  );
}

function Accounts({ connection: { config } }: { connection: ConnectionDetail }) {
  switch (config.accountMode) {
    case "role-arns":
      return (
        <>
          {config.roleArns.length} member role{config.roleArns.length === 1 ? "" : "s"}:
          <IdList items={config.roleArns} />
        </>
      );
    case "iam-policies":
      return <>Discovered from the IAM user&apos;s attached policies</>;
    case "organizations":
      return (
        <>
          AWS Organizations (
          {config.organizationalUnitIds.length ? `OUs ${config.organizationalUnitIds.join(", ")}` : "all accounts"}),
          role <Id text={config.memberRoleName ?? ""} />
          {config.excludeAccountIds.length ? `, excluding ${config.excludeAccountIds.join(", ")}` : ""}
        </>
      );
    default:
      return <>This account only</>;
  }
}
