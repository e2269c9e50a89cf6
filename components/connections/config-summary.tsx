import type { ReactNode } from "react";
import type { ConnectionDetail } from "@/lib/connections";

// Secrets appear only as "configured": their values never reach this page.
export function ConfigSummary({ connection }: { connection: ConnectionDetail }) {
  const { config, secrets } = connection;
  const configured = (flag: boolean) => (flag ? "configured" : "not set");
  const rows: [string, ReactNode][] = [
    ["Partition", config.partition],
    ["Adapter", config.adapter === "direct" ? "Direct" : `AWS Config aggregator ${config.aggregatorName} (${config.aggregatorRegion})`],
    [
      "Credentials",
      config.credentialSource === "ambient"
        ? `Ambient: ${config.ambientProvider}`
        : `Access key ${config.accessKeyId}; secret ${configured(secrets.secretAccessKey)}; session token ${configured(secrets.sessionToken)}`,
    ],
    ["MFA device", config.mfaSerial ?? "none"],
    ["Role chain", config.roleChain.length ? config.roleChain.map((hop) => hop.roleArn).join(" → ") : "none"],
    ["External ID", <code key="x" className="text-xs">{config.externalId}</code>],
    ["Role session name", config.roleSessionName],
    ["Accounts", accountsText(connection)],
    ["Regions", config.regionMode === "all-enabled" ? "All enabled regions of each account" : config.regions.join(", ")],
    ["Proxy", config.proxyUrl ? `${config.proxyUrl}${config.proxyUsername ? ` as ${config.proxyUsername}, password ${configured(secrets.proxyPassword)}` : ""}` : "none"],
    ["Endpoint", config.endpointUrl ?? "AWS default"],
    ["Concurrency", String(config.concurrency)],
    ["Schedule", connection.schedule ? `${connection.schedule}${connection.enabled ? "" : " (paused)"}` : "off"],
  ];
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm" data-testid="config-summary">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function accountsText({ config }: ConnectionDetail): string {
  switch (config.accountMode) {
    case "role-arns":
      return `${config.roleArns.length} member role(s): ${config.roleArns.join(", ")}`;
    case "iam-policies":
      return "Discovered from the IAM user's attached policies";
    case "organizations":
      return `AWS Organizations (${config.organizationalUnitIds.length ? `OUs ${config.organizationalUnitIds.join(", ")}` : "all accounts"}), role ${config.memberRoleName}${config.excludeAccountIds.length ? `, excluding ${config.excludeAccountIds.join(", ")}` : ""}`;
    default:
      return "This account only";
  }
}
