import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiTokenRow, ApiTokenStatus } from "@/lib/api-tokens";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

function utc(value: string | null, fallback: string) {
  return value ? `${value.slice(0, 16).replace("T", " ")} UTC` : fallback;
}

const STATUS: Record<ApiTokenStatus, { tone: "green" | "red" | "amber"; label: string }> = {
  active: { tone: "green", label: "Active" },
  revoked: { tone: "red", label: "Revoked" },
  expired: { tone: "amber", label: "Expired" },
  suspended: { tone: "amber", label: "Creator disabled" },
};

function StatusBadge({ token }: { token: ApiTokenRow }) {
  const { tone, label } = STATUS[token.status];
  return <Badge tone={tone}>{token.status === "revoked" ? `${label} ${utc(token.revokedAt, "")}` : label}</Badge>;
}

export function ApiTokensTable({ tokens }: { tokens: ApiTokenRow[] }) {
  return (
    <Table aria-label="API tokens">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Token</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>Status</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((token) => (
          <tr key={token.id} data-testid={`api-token-row-${token.name}`}>
            <Td className="font-medium">{token.name}</Td>
            <Td>
              {token.role}
              {token.effectiveRole && token.effectiveRole !== token.role && (
                <span className="block text-xs text-amber-700">
                  acts as {token.effectiveRole}, its creator&apos;s role now
                </span>
              )}
            </Td>
            <Td className="font-mono text-xs text-slate-600">{token.prefix}…</Td>
            <Td className="text-slate-600">{utc(token.createdAt, "")}</Td>
            <Td className="text-slate-600" data-testid="api-token-last-used">
              {utc(token.lastUsedAt, "Never")}
            </Td>
            <Td className="text-slate-600" data-testid="api-token-expires">
              {utc(token.expiresAt, "Never")}
            </Td>
            <Td>
              <StatusBadge token={token} />
            </Td>
            <Td className="text-right">
              {!token.revokedAt && <RevokeApiTokenButton id={token.id} name={token.name} />}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
