import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiTokenRow } from "@/lib/api-tokens";
import { RevokeApiTokenButton } from "./revoke-api-token-button";

function utc(value: string | null, fallback: string) {
  return value ? `${value.slice(0, 16).replace("T", " ")} UTC` : fallback;
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
          <Th>Status</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((token) => (
          <tr key={token.id} data-testid={`api-token-row-${token.name}`}>
            <Td className="font-medium">{token.name}</Td>
            <Td>{token.role}</Td>
            <Td className="font-mono text-xs text-slate-600">{token.prefix}…</Td>
            <Td className="text-slate-600">{utc(token.createdAt, "")}</Td>
            <Td className="text-slate-600">{utc(token.lastUsedAt, "Never")}</Td>
            <Td>{token.revokedAt ? <Badge tone="red">Revoked {utc(token.revokedAt, "")}</Badge> : <Badge tone="green">Active</Badge>}</Td>
            <Td className="text-right">{!token.revokedAt && <RevokeApiTokenButton id={token.id} name={token.name} />}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
