import { IAMClient, ListAccountAliasesCommand } from "@aws-sdk/client-iam";
import type { AccountTarget, AwsSession } from "../aws";
import { getDb } from "../db";

// Per-account items: the account alias (an account has at most one). A failure here only
// leaves the previous alias in place; it never fails the run.
export async function collectAccountAliases(
  session: AwsSession,
  connectionId: string,
  targets: AccountTarget[],
): Promise<void> {
  const now = new Date();
  await Promise.all(
    targets.map(async (target) => {
      let alias: string | null | undefined;
      try {
        const iam = session.client(IAMClient, { accountId: target.accountId, region: session.homeRegion });
        alias = (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases?.[0] ?? null;
      } catch {
        alias = undefined;
      }
      const data = { lastSeenAt: now, name: target.name ?? undefined, ...(alias !== undefined ? { alias } : {}) };
      await getDb().account.upsert({
        where: { connectionId_accountId: { connectionId, accountId: target.accountId } },
        create: { connectionId, accountId: target.accountId, ...data },
        update: data,
      });
    }),
  );
}
