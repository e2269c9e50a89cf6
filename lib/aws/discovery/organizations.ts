import {
  type Account,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
} from "@aws-sdk/client-organizations";
import type { AwsSession } from "../session";
import type { AccountSelection } from "../settings";
import type { AccountTarget } from "../targets";
import { collect, type DiscoveryResult } from "./results";

type OrganizationsSelection = Extract<AccountSelection, { mode: "organizations" }>;

// Accounts of the organization (or of chosen OUs, recursively), read with the post-chain
// caller's credentials: only the management account or a delegated administrator may list them.
// Each member is reached through memberRoleName; the caller's own account needs no role.
export async function discoverFromOrganizations(
  session: AwsSession,
  selection: OrganizationsSelection,
): Promise<DiscoveryResult> {
  const org = session.callerClient(OrganizationsClient);
  const call = <T>(action: string, run: () => Promise<T>) => session.call({ action, region: "global" }, run);
  const warnings: string[] = [];
  // ListRoots first: the cheapest call that tells "not the management account" apart.
  const roots = await call("organizations:ListRoots", () => org.send(new ListRootsCommand({})));
  const rootIds = new Set((roots.Roots ?? []).map((r) => r.Id));

  const accounts: Account[] = [];
  if (selection.organizationalUnitIds.length === 0) {
    await call("organizations:ListAccounts", async () => {
      for await (const page of paginateListAccounts({ client: org }, {})) accounts.push(...(page.Accounts ?? []));
    });
  } else {
    const visited = new Set<string>();
    const queue = [...selection.organizationalUnitIds];
    while (queue.length > 0) {
      const parentId = queue.shift()!;
      if (visited.has(parentId)) continue;
      visited.add(parentId);
      await call("organizations:ListAccountsForParent", async () => {
        for await (const page of paginateListAccountsForParent({ client: org }, { ParentId: parentId }))
          accounts.push(...(page.Accounts ?? []));
      });
      // A root holds every OU; recursing from it is the same as "all accounts".
      await call("organizations:ListOrganizationalUnitsForParent", async () => {
        for await (const page of paginateListOrganizationalUnitsForParent({ client: org }, { ParentId: parentId }))
          for (const ou of page.OrganizationalUnits ?? []) if (ou.Id) queue.push(ou.Id);
      });
    }
    if (selection.organizationalUnitIds.some((id) => rootIds.has(id)))
      warnings.push("A root was chosen as an OU: every account of the organization is included");
  }

  const caller = await session.callerIdentity();
  const excluded = new Set(selection.excludeAccountIds);
  const targets: AccountTarget[] = [];
  for (const account of accounts) {
    if (!account.Id || targets.some((t) => t.accountId === account.Id) || excluded.has(account.Id)) continue;
    // Status is being retired in favour of State; older responses carry only Status.
    const state = account.State ?? account.Status;
    if (state !== "ACTIVE") {
      warnings.push(
        `Account ${account.Id}${account.Name ? ` (${account.Name})` : ""} is ${state ?? "in an unknown state"}: skipped`,
      );
      continue;
    }
    const own = account.Id === caller.accountId;
    targets.push({
      accountId: account.Id,
      ...(own ? {} : { roleArn: session.roleArn(account.Id, selection.memberRoleName) }),
      ...(account.Name ? { name: account.Name } : {}),
      source: "organizations",
    });
  }
  return collect(targets, warnings);
}
