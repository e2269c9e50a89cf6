// The credentials file (--credentials-out, GET /_sim/credentials): keys and role ARNs a
// client needs to use the world. `users[0]` and `roles` are what the demo connection uses.
import type { PolicyDocument } from "../world/types";
import type { World } from "../world/world";
import { statements } from "../auth/policy";

export function externalIdOf(trust: PolicyDocument): string | undefined {
  for (const s of statements(trust)) {
    const v = s.Condition?.StringEquals?.["sts:ExternalId"];
    if (v !== undefined) return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return undefined;
}

export function credentialsFile(world: World, endpoint: string) {
  const { users, roles } = world.spec.iam;
  const roleEntry = (r: (typeof roles)[number]) => ({
    arn: world.roleArn(r.account, r.name),
    account: r.account,
    externalId: externalIdOf(r.trustPolicy),
    ...(r.purpose ? { purpose: r.purpose } : {}),
  });
  const profile = world.spec.instanceProfile;
  return {
    endpoint,
    partition: world.partition,
    managementAccountId: world.spec.organization?.managementAccountId,
    users: users
      .filter((u) => u.accessKeys.length > 0)
      .map((u) => ({
        name: u.name,
        arn: world.userArn(u),
        account: u.account,
        accessKeyId: u.accessKeys[0].accessKeyId,
        secretAccessKey: u.accessKeys[0].secretAccessKey,
        ...(u.mfaDevices?.length ? { mfaSerial: u.mfaDevices[0].serialNumber } : {}),
        ...(u.purpose ? { purpose: u.purpose } : {}),
      })),
    roles: roles.filter((r) => r.purpose === "member-inventory").map(roleEntry),
    otherRoles: roles.filter((r) => r.purpose !== "member-inventory").map(roleEntry),
    mfaDevices: users.flatMap((u) =>
      (u.mfaDevices ?? []).map((d) => ({ user: u.name, serialNumber: d.serialNumber, secretBase32: d.secretBase32 })),
    ),
    ...(profile
      ? {
          instanceProfileRole: {
            name: profile.roleName,
            arn: world.roleArn(profile.accountId, profile.roleName),
            region: profile.region,
          },
        }
      : {}),
    aggregators: world.spec.aggregators.map((a) => ({
      name: a.name,
      account: a.account,
      region: a.region,
      arn: a.arn,
    })),
  };
}
