// IAM managed-policy reads: GetPolicy and GetPolicyVersion (Document URL-encoded per RFC 3986;
// the SDK does not decode it, callers do `JSON.parse(decodeURIComponent(doc))`).
import { ApiError } from "../../protocols/errors";
import { leaf, node } from "../../protocols/xml";
import type { ManagedPolicySpec } from "../../world/types";
import type { CallContext } from "../context";
import { encodeDocument, required } from "./common";

function policyFor(ctx: CallContext, arn: string): ManagedPolicySpec {
  if (!/^arn:aws(-cn|-us-gov)?:iam::(\d{12}|aws):policy\/.+/.test(arn))
    throw new ApiError("InvalidInput", `ARN ${arn} is not valid.`, 400);
  const account = arn.split(":")[4];
  const policy = ctx.world.policy(arn);
  // Customer-managed policies of another account are invisible, as if they did not exist.
  if (!policy || (account !== "aws" && account !== ctx.session.accountId)) {
    throw new ApiError("NoSuchEntity", `Policy ${arn} does not exist or is not attachable.`, 404);
  }
  return policy;
}

function attachmentCount(ctx: CallContext, arn: string): number {
  const { users, groups, roles } = ctx.world.spec.iam;
  return [...users, ...groups, ...roles].filter((p) => p.attachedPolicies.includes(arn)).length;
}

export function getPolicy(ctx: CallContext): string {
  const arn = required(ctx.params, "PolicyArn");
  ctx.authorize("iam:GetPolicy", arn);
  const p = policyFor(ctx, arn);
  const latest = p.versions[p.versions.length - 1];
  return node(
    "Policy",
    leaf("PolicyName", p.name),
    leaf("PolicyId", p.policyId),
    leaf("Arn", p.arn),
    leaf("Path", p.path ?? "/"),
    leaf("DefaultVersionId", p.defaultVersionId),
    leaf("AttachmentCount", attachmentCount(ctx, arn)),
    leaf("PermissionsBoundaryUsageCount", 0),
    leaf("IsAttachable", true),
    leaf("Description", p.description),
    leaf("CreateDate", p.createDate),
    leaf("UpdateDate", latest?.createDate ?? p.createDate),
  );
}

export function getPolicyVersion(ctx: CallContext): string {
  const arn = required(ctx.params, "PolicyArn");
  const versionId = required(ctx.params, "VersionId");
  ctx.authorize("iam:GetPolicyVersion", arn);
  const p = policyFor(ctx, arn);
  const v = p.versions.find((x) => x.versionId === versionId);
  if (!v)
    throw new ApiError("NoSuchEntity", `Policy ${arn} version ${versionId} does not exist or is not attachable.`, 404);
  return node(
    "PolicyVersion",
    leaf("Document", encodeDocument(v.document)),
    leaf("VersionId", v.versionId),
    leaf("IsDefaultVersion", v.versionId === p.defaultVersionId),
    leaf("CreateDate", v.createDate),
  );
}
