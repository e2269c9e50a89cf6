import type { CallerIdentity } from "../../../aws/session";
import type { ProbeContext } from "../context";

export type IdentityResult = { ok: true; callerArn: string; effectiveArn: string } | { ok: false; callerArn?: string };

// The starting identity, then each hop of the role chain in order (a hop is only tried once the
// one before it worked, since it is assumed with that hop's credentials).
export async function checkIdentityAndChain(ctx: ProbeContext): Promise<IdentityResult> {
  const { session, log, settings } = ctx;
  const source = settings.credentials;
  const label =
    source.kind === "ambient"
      ? `Ambient credentials (${source.provider})`
      : `Access key ${maskKey(source.accessKeyId)}${source.mfaSerial ? " with MFA session" : source.sessionToken ? " with session token" : ""}`;
  const describe = (identity: CallerIdentity) => ({
    message: `Signed in as ${identity.arn}`,
    details: { arn: identity.arn, accountId: identity.accountId },
  });
  const base = await log.check(
    { id: "identity", step: "identity", label, action: "sts:GetCallerIdentity" },
    () => session.identity(session.hopCredentials(0), ctx.signal),
    describe,
  );
  if (!base.ok) return { ok: false };
  let effective = base.value;
  const hops = settings.roleChain;
  for (let i = 0; i < hops.length; i++) {
    const hop = await log.check(
      {
        id: `chain:${i + 1}`,
        step: "chain",
        label: `Assume ${hops[i].roleArn} (role chain ${i + 1} of ${hops.length})`,
        action: "sts:AssumeRole",
        details: { roleArn: hops[i].roleArn },
      },
      () => session.identity(session.hopCredentials(i + 1), ctx.signal),
      describe,
    );
    if (!hop.ok) return { ok: false, callerArn: base.value.arn };
    effective = hop.value;
  }
  return { ok: true, callerArn: base.value.arn, effectiveArn: effective.arn };
}

// Access key IDs are not secret, but the full key is noise in a checklist.
function maskKey(accessKeyId: string): string {
  return accessKeyId.length > 8 ? `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}` : accessKeyId;
}
