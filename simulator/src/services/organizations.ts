// Organizations (awsJson1_1, global). Only the management account may list; DescribeOrganization
// works from any member. MaxResults 1-20 with NextToken.
import { ApiError } from "../protocols/errors";
import type { AccountSpec } from "../world/types";
import type { CallContext, ServiceModule } from "./context";
import { decodeToken, fingerprint, pageOf, pageSize } from "./paging";

const epoch = (iso: string | undefined) => (iso ? Date.parse(iso) / 1000 : 0);

function orgOf(ctx: CallContext) {
  const org = ctx.world.spec.organization;
  const account = ctx.world.accounts.get(ctx.session.accountId);
  if (!org || !account?.parentId)
    throw new ApiError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400);
  return org;
}

/** Management-only operations: members get the generic denial. */
function managementOrg(ctx: CallContext, action: string) {
  const org = orgOf(ctx);
  if (org.managementAccountId !== ctx.session.accountId)
    throw new ApiError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
  ctx.authorize(`organizations:${action}`, "*");
  return org;
}

function paged<T>(ctx: CallContext, items: T[], ...key: unknown[]): { items: T[]; NextToken?: string } {
  const max = ctx.input.MaxResults;
  if (max !== undefined && (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 20)) {
    throw new ApiError(
      "InvalidInputException",
      "You provided a value that does not match the required pattern: MaxResults must be between 1 and 20.",
      400,
    );
  }
  const fp = fingerprint(...key);
  const offset = decodeToken(ctx.input.NextToken as string | undefined, fp);
  if (offset === undefined) throw new ApiError("InvalidInputException", "The provided NextToken is not valid.", 400);
  const page = pageOf(items, offset, pageSize(max as number | undefined, 20, ctx.world.spec.limits?.maxPageSize), fp);
  return { items: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

function accountJson(ctx: CallContext, a: AccountSpec) {
  const org = ctx.world.spec.organization!;
  return {
    Id: a.id,
    Arn: `${ctx.world.arnPrefix}organizations::${org.managementAccountId}:account/${org.id}/${a.id}`,
    Email: a.email,
    Name: a.name,
    // Status is being retired in favour of State; AWS still sends both.
    Status: a.state === "SUSPENDED" ? "SUSPENDED" : a.state === "PENDING_CLOSURE" ? "PENDING_CLOSURE" : "ACTIVE",
    State: a.state ?? "ACTIVE",
    JoinedMethod: a.joinedMethod ?? "CREATED",
    JoinedTimestamp: epoch(a.joinedTimestamp),
  };
}

function checkParent(ctx: CallContext, parentId: unknown): string {
  const org = ctx.world.spec.organization!;
  if (typeof parentId !== "string" || !/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/.test(parentId)) {
    throw new ApiError("InvalidInputException", "You specified an invalid value for parentId.", 400);
  }
  if (parentId !== org.root.id && !org.organizationalUnits.some((o) => o.id === parentId)) {
    throw new ApiError(
      "ParentNotFoundException",
      "We can't find a root or OU with the ParentId that you specified.",
      400,
    );
  }
  return parentId;
}

const members = (ctx: CallContext) => ctx.world.spec.accounts.filter((a) => a.parentId);

export const organizations: ServiceModule = {
  actions: {
    DescribeOrganization(ctx) {
      const org = orgOf(ctx);
      ctx.authorize("organizations:DescribeOrganization", "*");
      const mgmt = ctx.world.accounts.get(org.managementAccountId);
      const prefix = `${ctx.world.arnPrefix}organizations::${org.managementAccountId}`;
      return {
        Organization: {
          Id: org.id,
          Arn: `${prefix}:organization/${org.id}`,
          FeatureSet: org.featureSet,
          MasterAccountArn: `${prefix}:account/${org.id}/${org.managementAccountId}`,
          MasterAccountId: org.managementAccountId,
          MasterAccountEmail: mgmt?.email,
          AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
        },
      };
    },
    ListAccounts(ctx) {
      managementOrg(ctx, "ListAccounts");
      const page = paged(ctx, members(ctx), "ListAccounts");
      return {
        Accounts: page.items.map((a) => accountJson(ctx, a)),
        ...(page.NextToken ? { NextToken: page.NextToken } : {}),
      };
    },
    ListAccountsForParent(ctx) {
      managementOrg(ctx, "ListAccountsForParent");
      const parentId = checkParent(ctx, ctx.input.ParentId);
      const page = paged(
        ctx,
        members(ctx).filter((a) => a.parentId === parentId),
        "ListAccountsForParent",
        parentId,
      );
      return {
        Accounts: page.items.map((a) => accountJson(ctx, a)),
        ...(page.NextToken ? { NextToken: page.NextToken } : {}),
      };
    },
    ListRoots(ctx) {
      const org = managementOrg(ctx, "ListRoots");
      const page = paged(ctx, [org.root], "ListRoots");
      const arn = `${ctx.world.arnPrefix}organizations::${org.managementAccountId}:root/${org.id}/${org.root.id}`;
      return {
        Roots: page.items.map((r) => ({ Id: r.id, Arn: arn, Name: r.name, PolicyTypes: [] })),
        ...(page.NextToken ? { NextToken: page.NextToken } : {}),
      };
    },
    ListOrganizationalUnitsForParent(ctx) {
      const org = managementOrg(ctx, "ListOrganizationalUnitsForParent");
      const parentId = checkParent(ctx, ctx.input.ParentId);
      const page = paged(
        ctx,
        org.organizationalUnits.filter((o) => o.parentId === parentId),
        "ListOUs",
        parentId,
      );
      const prefix = `${ctx.world.arnPrefix}organizations::${org.managementAccountId}:ou/${org.id}`;
      return {
        OrganizationalUnits: page.items.map((o) => ({ Id: o.id, Arn: `${prefix}/${o.id}`, Name: o.name })),
        ...(page.NextToken ? { NextToken: page.NextToken } : {}),
      };
    },
  },
};
