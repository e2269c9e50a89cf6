// IAM reads about users and groups: GetUser, ListAccountAliases, ListGroupsForUser,
// ListAttachedUserPolicies, ListUserPolicies, GetUserPolicy, ListAttachedGroupPolicies.
import { ApiError } from "../../protocols/errors";
import { leaf, list, node, stringList } from "../../protocols/xml";
import type { UserSpec } from "../../world/types";
import type { CallContext } from "../context";
import { encodeDocument, iamPage, noSuchUser, required } from "./common";

/** Authorizes `action` on the named user first (IAM checks permissions before existence). */
function userFor(ctx: CallContext, name: string, action: string): UserSpec {
  ctx.authorize(action, `${ctx.world.arnPrefix}iam::${ctx.session.accountId}:user/${name}`);
  const user = ctx.world.user(ctx.session.accountId, name);
  if (!user) throw noSuchUser(name);
  return user;
}

function policyMember(ctx: CallContext, arn: string): string {
  const name = ctx.world.policy(arn)?.name ?? arn.split("/").pop()!;
  return leaf("PolicyName", name) + leaf("PolicyArn", arn);
}

export function getUser(ctx: CallContext): string {
  const name = ctx.params.get("UserName");
  if (name === undefined && !ctx.session.user)
    throw new ApiError("ValidationError", "Must specify userName when calling with non-User credentials", 400);
  const user = userFor(ctx, name ?? ctx.session.user!.name, "iam:GetUser");
  return node(
    "User",
    leaf("Path", user.path ?? "/"),
    leaf("UserName", user.name),
    leaf("UserId", user.userId),
    leaf("Arn", ctx.world.userArn(user)),
    leaf("CreateDate", user.createDate),
  );
}

export function listAccountAliases(ctx: CallContext): string {
  ctx.authorize("iam:ListAccountAliases", "*");
  const alias = ctx.world.accounts.get(ctx.session.accountId)?.alias;
  const page = iamPage(ctx.params, alias ? [alias] : [], undefined, "aliases");
  return stringList("AccountAliases", "member", page.items) + page.tail;
}

export function listAttachedUserPolicies(ctx: CallContext): string {
  const user = userFor(ctx, required(ctx.params, "UserName"), "iam:ListAttachedUserPolicies");
  const page = iamPage(ctx.params, user.attachedPolicies, ctx.world.spec.limits?.maxPageSize, "aup", user.name);
  return list("AttachedPolicies", "member", page.items, (arn) => policyMember(ctx, arn)) + page.tail;
}

export function listUserPolicies(ctx: CallContext): string {
  const user = userFor(ctx, required(ctx.params, "UserName"), "iam:ListUserPolicies");
  const page = iamPage(
    ctx.params,
    user.inlinePolicies.map((p) => p.name),
    ctx.world.spec.limits?.maxPageSize,
    "up",
    user.name,
  );
  return stringList("PolicyNames", "member", page.items) + page.tail;
}

export function getUserPolicy(ctx: CallContext): string {
  const user = userFor(ctx, required(ctx.params, "UserName"), "iam:GetUserPolicy");
  const policyName = required(ctx.params, "PolicyName");
  const p = user.inlinePolicies.find((x) => x.name === policyName);
  if (!p) throw new ApiError("NoSuchEntity", `The user policy with name ${policyName} cannot be found.`, 404);
  return leaf("UserName", user.name) + leaf("PolicyName", p.name) + leaf("PolicyDocument", encodeDocument(p.document));
}

export function listGroupsForUser(ctx: CallContext): string {
  const user = userFor(ctx, required(ctx.params, "UserName"), "iam:ListGroupsForUser");
  const groups = user.groups.map((g) => ctx.world.group(user.account, g)).filter((g) => g !== undefined);
  const page = iamPage(ctx.params, groups, ctx.world.spec.limits?.maxPageSize, "gfu", user.name);
  return (
    list(
      "Groups",
      "member",
      page.items,
      (g) =>
        leaf("Path", g.path ?? "/") +
        leaf("GroupName", g.name) +
        leaf("GroupId", g.groupId) +
        leaf("Arn", ctx.world.groupArn(g)) +
        leaf("CreateDate", g.createDate),
    ) + page.tail
  );
}

export function listAttachedGroupPolicies(ctx: CallContext): string {
  const name = required(ctx.params, "GroupName");
  ctx.authorize("iam:ListAttachedGroupPolicies", `${ctx.world.arnPrefix}iam::${ctx.session.accountId}:group/${name}`);
  const group = ctx.world.group(ctx.session.accountId, name);
  if (!group) throw new ApiError("NoSuchEntity", `The group with name ${name} cannot be found.`, 404);
  const page = iamPage(ctx.params, group.attachedPolicies, ctx.world.spec.limits?.maxPageSize, "agp", name);
  return list("AttachedPolicies", "member", page.items, (arn) => policyMember(ctx, arn)) + page.tail;
}

// Inline policies of a group: names only, as AWS answers (GetGroupPolicy would read them).
export function listGroupPolicies(ctx: CallContext): string {
  const name = required(ctx.params, "GroupName");
  ctx.authorize("iam:ListGroupPolicies", `${ctx.world.arnPrefix}iam::${ctx.session.accountId}:group/${name}`);
  const group = ctx.world.group(ctx.session.accountId, name);
  if (!group) throw new ApiError("NoSuchEntity", `The group with name ${name} cannot be found.`, 404);
  const page = iamPage(
    ctx.params,
    group.inlinePolicies.map((p) => p.name),
    ctx.world.spec.limits?.maxPageSize,
    "gp",
    name,
  );
  return stringList("PolicyNames", "member", page.items) + page.tail;
}
