// Changes an administrator makes to a role's permissions while Cirrus runs: an inline policy
// put on the role (IAM PutRolePolicy) or deleted from it (DeleteRolePolicy). A Deny statement
// with an aws:RequestedRegion condition takes one action away from one member role in one
// account and region, and AWS answers it as it answers any denial. Sessions already issued
// feel the change at their next call: policies are evaluated per call, as AWS does within seconds.
import type { PolicyDocument, PolicyStatement } from "../world/iam-types";
import type { World } from "../world/world";
import { MutationError } from "./mutate-error";

export type IamMutateOp =
  | { op: "putRolePolicy"; account: string; role: string; name: string; document: PolicyDocument }
  | { op: "deleteRolePolicy"; account: string; role: string; name: string };

export const IAM_OPS = ["putRolePolicy", "deleteRolePolicy"];

// IAM's own limits on an inline policy's name.
const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

export function mutateRolePolicy(world: World, m: IamMutateOp): Record<string, unknown> {
  const arn = world.roleArn(m.account, m.role);
  const role = world.role(arn);
  if (!role) throw new MutationError(`role ${m.role} does not exist in account ${m.account}`, 404);
  if (typeof m.name !== "string" || !POLICY_NAME.test(m.name))
    throw new MutationError(`name "${String(m.name)}" is not a valid policy name`);
  const others = role.inlinePolicies.filter((policy) => policy.name !== m.name);
  if (m.op === "deleteRolePolicy") {
    if (others.length === role.inlinePolicies.length)
      throw new MutationError(`role ${m.role} has no inline policy ${m.name}`, 404);
    role.inlinePolicies = others;
  } else {
    checkDocument(m.document);
    // PutRolePolicy replaces a policy of the same name.
    role.inlinePolicies = [...others, { name: m.name, document: m.document }];
  }
  return { ok: true, role: arn, inlinePolicies: role.inlinePolicies.map((policy) => policy.name) };
}

// What IAM answers MalformedPolicyDocument for, in the parts the evaluator reads.
function checkDocument(document: PolicyDocument | undefined): void {
  if (!document || typeof document !== "object") throw new MutationError("document must be a policy document object");
  if (document.Version !== "2012-10-17" && document.Version !== "2008-10-17")
    throw new MutationError('document.Version must be "2012-10-17" or "2008-10-17"');
  const list: PolicyStatement[] = Array.isArray(document.Statement)
    ? document.Statement
    : document.Statement
      ? [document.Statement]
      : [];
  if (list.length === 0) throw new MutationError("document.Statement must hold at least one statement");
  for (const statement of list) {
    if (statement.Effect !== "Allow" && statement.Effect !== "Deny")
      throw new MutationError('each statement\'s Effect must be "Allow" or "Deny"');
    if ((statement.Action === undefined) === (statement.NotAction === undefined))
      throw new MutationError("each statement needs exactly one of Action and NotAction");
    if ((statement.Resource === undefined) === (statement.NotResource === undefined))
      throw new MutationError("each statement needs exactly one of Resource and NotResource");
  }
}
