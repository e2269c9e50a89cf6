import type { Metadata } from "next";
import { ApiTokensTable } from "@/components/api-tokens/api-tokens-table";
import { CreateApiTokenForm } from "@/components/api-tokens/create-api-token-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/api-tokens";
import { requireAdmin } from "@/lib/auth";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requireAdmin();
  const tokens = await listApiTokens();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens for the read-only REST API used by ITAM tools. Send one as Authorization: Bearer <token>; it acts with its role."
      />
      <div className="grid items-start gap-6 2xl:grid-cols-[1fr_22rem]">
        {tokens.length ? (
          <ApiTokensTable tokens={tokens} />
        ) : (
          <EmptyState title="No API tokens">
            No tokens have been created. Create one to call the API from a script or an ITAM tool.
          </EmptyState>
        )}
        <CreateApiTokenForm />
      </div>
    </>
  );
}
