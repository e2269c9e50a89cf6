import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { assumeRoleProvider, classifiedProvider, type StsClientSettings } from "./assume-role";
import { baseCredentialProvider } from "./base-credentials";
import type { ClassifyContext } from "./error-types";
import type { ResolvedSessionOptions } from "./session-options";
import type { AwsConnectionSettings } from "./settings";

// The credentials of one connection, hop by hop: the starting credentials, each role of the
// chain assumed with the previous hop's, and member roles assumed from the last hop with the
// connection's external ID. Every role is assumed once and shared until it nears expiry.
export class CredentialChain {
  private readonly hops: AwsCredentialIdentityProvider[];
  private readonly roles = new Map<string, AwsCredentialIdentityProvider>();

  constructor(
    private readonly settings: AwsConnectionSettings,
    private readonly options: ResolvedSessionOptions,
    private readonly sts: StsClientSettings,
    private readonly classify: Pick<ClassifyContext, "proxy" | "secrets">,
  ) {
    const source = settings.credentials;
    const base = classifiedProvider(
      baseCredentialProvider(settings, { timeoutMs: options.connectionTimeoutMs, now: options.now }),
      {
        ...classify,
        action: source.kind === "ambient" ? `ambient credentials (${source.provider})` : "sts:GetCallerIdentity",
      },
    );
    this.hops = [base];
    for (const hop of settings.roleChain)
      this.hops.push(this.assume(this.final(), hop.roleArn, hop.externalId ?? settings.externalId));
  }

  get mfaUsed(): boolean {
    return this.settings.credentials.kind === "access-key" && Boolean(this.settings.credentials.mfaSerial);
  }

  /** After `count` hops (0: the starting credentials). */
  hop(count: number): AwsCredentialIdentityProvider {
    return this.hops[Math.max(0, Math.min(count, this.hops.length - 1))];
  }

  /** The principal at the end of the chain. */
  final(): AwsCredentialIdentityProvider {
    return this.hops[this.hops.length - 1];
  }

  role(roleArn: string): AwsCredentialIdentityProvider {
    let provider = this.roles.get(roleArn);
    if (!provider) this.roles.set(roleArn, (provider = this.assume(this.final(), roleArn, this.settings.externalId)));
    return provider;
  }

  private assume(
    master: AwsCredentialIdentityProvider,
    roleArn: string,
    externalId: string | undefined,
  ): AwsCredentialIdentityProvider {
    return assumeRoleProvider({
      master,
      roleArn,
      externalId,
      roleSessionName: this.settings.roleSessionName,
      durationSeconds: this.options.roleSessionDurationSeconds,
      sts: this.sts,
      refreshBeforeMs: this.options.refreshBeforeMs,
      now: this.options.now,
      classify: { ...this.classify, region: this.sts.region, mfaUsed: this.mfaUsed },
    });
  }
}
