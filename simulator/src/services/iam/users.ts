// IAM reads about users and groups: GetUser, ListAccountAliases, ListGroupsForUser,
// ListAttachedUserPolicies, ListUserPolicies, GetUserPolicy, ListAttachedGroupPolicies.
import { ApiError } from "../../protocols/errors";
import { leaf, list, node, stringList } from "../../protocols/xml";
import type { UserSpec } from "../../world/types";
import type { CallContext } from "../context";
import { encodeDocument, iamPage, noSuchUser, required } from "./common";

function userNamed(ctx: CallContext, name: string): UserSpec {
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
  if (name === undefined && !ctx.session.user) throw new ApiError("ValidationError", "Must specify userName when calling with non-User credentials", 400);
  const user = name === undefined ? ctx.session.user! : userNamed(ctx, name);
  ctx.authorize("iam:GetUser", ctx.world.userArn(user));
  return node("User", leaf("Path", user.path ?? "/"), leaf("UserName", user.name), leaf("UserId", user.userId), leaf("Arn", ctx.world.userArn(user)), leaf("CreateDate", user.createDate));
}

export function listAccountAliases(ctx: CallContext): string {
  ctx.authorize("iam:ListAccountAliases", "*");
  const alias = ctx.world.accounts.get(ctx.session.accountId)?.alias;
  const page = iamPage(ctx.params, alias ? [alias] : [], undefined, "aliases");
  return stringList("AccountAliases", "member", page.items) + page.tail;
}

export function listAttachedUserPolicies(ctx: CallContext): string {
  const user = userNamed(ctx, required(ctx.params, "UserName"));
  ctx.authorize("iam:ListAttachedUserPolicies", ctx.world.userArn(user));
  const page = iamPage(ctx.params, user.attachedPolicies, ctx.world.spec.limits?.maxPageSize, "aup", user.name);
  return list("AttachedPolicies", "member", page.items, (arn) => policyMember(ctx, arn)) + page.tail;
}

export function listUserPolicies(ctx: CallContext): string {
  const user = userNamed(ctx, required(ctx.params, "UserName"));
  ctx.authorize("iam:ListUserPolicies", ctx.world.userArn(user));
  const page = iamPage(ctx.params, user.inlinePolicies.map((p) => p.name), ctx.world.spec.limits?.maxPageSize, "up", user.name);
  return stringList("PolicyNames", "member", page.items) + page.tail;
}

export function getUserPolicy(ctx: CallContext): string {
  const user = userNamed(ctx, required(ctx.params, "UserName"));
  const policyName = required(ctx.params, "PolicyName");
  ctx.authorize("iam:GetUserPolicy", ctx.world.userArn(user));
  const p = user.inlinePolicies.find((x) => x.name === policyName);
  if (!p) throw new ApiError("NoSuchEntity", `The user policy with name ${policyName} cannot be found.`, 404);
  return leaf("UserName", user.name) + leaf("PolicyName", p.name) + leaf("PolicyDocument", encodeDocument(p.document));
}

export function listGroupsForUser(ctx: CallContext): string {
  const user = userNamed(ctx, required(ctx.params, "UserName"));
  ctx.authorize("iam:ListGroupsForUser", ctx.world.userArn(user));
  const groups = user.groups.map((g) => ctx.world.group(user.account, g)).filter((g) => g !== undefined);
  const page = iamPage(ctx.params, groups, ctx.world.spec.limits?.maxPageSize, "gfu", user.name);
  return (
    list("Groups", "member", page.items, (g) => leaf("Path", g.path ?? "/") + leaf("GroupName", g.name) + leaf("GroupId", g.groupId) + leaf("Arn", ctx.world.groupArn(g)) + leaf("CreateDate", g.createDate)) +
    page.tail
  );
}

export function listAttachedGroupPolicies(ctx: CallContext): string {
  const name = required(ctx.params, "GroupName");
  const group = ctx.world.group(ctx.session.accountId, name);
  if (!group) throw new ApiError("NoSuchEntity", `The group with name ${name} cannot be found.`, 404);
  ctx.authorize("iam:ListAttachedGroupPolicies", ctx.world.groupArn(group));
  const page = iamPage(ctx.params, group.attachedPolicies, ctx.world.spec.limits?.maxPageSize, "agp", name);
  return list("AttachedPolicies", "member", page.items, (arn) => policyMember(ctx, arn)) + page.tail;
}
