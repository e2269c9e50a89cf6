import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { roleArn } from "./arn";
import type { StsClientSettings } from "./assume-role";
import { CredentialChain } from "./credential-chain";
import { QUIET_SDK_LOGGER } from "./quiet-logger";
import { AwsCallError, type AwsErrorInfo, type ClassifyContext } from "./error-types";
import { classifyAwsError } from "./errors";
import { HOME_REGION, type Partition } from "./partitions";
import { ClientCache } from "./client-cache";
import { createRequestHandler } from "./request-handler";
import { connectionClassifyContext } from "./session-context";
import { type AwsSessionOptions, resolveSessionOptions, type ResolvedSessionOptions } from "./session-options";
import type { AwsConnectionSettings } from "./settings";
import type { AccountTarget } from "./targets";

export type AwsClientConfig = StsClientSettings & { credentials: AwsCredentialIdentityProvider };
/** Any SDK v3 client class (EC2Client, RDSClient...). */
export type AwsClientClass<C> = new (config: AwsClientConfig) => C;
export type CallerIdentity = { accountId: string; arn: string; userId: string };
type ClassifyInput = Omit<ClassifyContext, "proxy" | "secrets">;

// Everything needed to call AWS for one connection: starting credentials, the role chain,
// per-account role credentials (cached, refreshed before expiry) and SDK clients, one per
// account + region so adaptive retry state and throttling stay contained to that scope.
export class AwsSession {
  readonly partition: Partition;
  readonly homeRegion: string;
  readonly options: ResolvedSessionOptions;
  private readonly handler: NodeHttpHandler;
  private readonly chain: CredentialChain;
  private readonly targets = new Map<string, AccountTarget>();
  private readonly clients = new ClientCache();
  private readonly stsClients = new Map<AwsCredentialIdentityProvider, STSClient>();
  private callerPromise?: Promise<CallerIdentity>;

  constructor(
    readonly settings: AwsConnectionSettings,
    options?: AwsSessionOptions,
  ) {
    this.options = resolveSessionOptions(options);
    this.partition = settings.partition;
    // Partition-global calls (IAM, Organizations) and STS are signed in the home region; STS
    // is regional, whose tokens (unlike the global endpoint's) work in opt-in regions too.
    this.homeRegion = HOME_REGION[settings.partition];
    this.handler = createRequestHandler({
      proxy: settings.proxy,
      connectionTimeoutMs: this.options.connectionTimeoutMs,
      requestTimeoutMs: this.options.requestTimeoutMs,
      maxSockets: this.options.maxSockets,
    });
    this.chain = new CredentialChain(
      settings,
      this.options,
      this.stsSettings(this.homeRegion),
      this.classifyDefaults(),
    );
  }

  /** Credentials after `hopCount` hops of the role chain (0: the starting credentials). */
  hopCredentials(hopCount: number): AwsCredentialIdentityProvider {
    return this.chain.hop(hopCount);
  }

  /** The principal at the end of the role chain: it discovers accounts and assumes member roles. */
  chainCredentials(): AwsCredentialIdentityProvider {
    return this.chain.final();
  }

  /** GetCallerIdentity with the given credentials (default: after the chain). */
  async identity(
    credentials: AwsCredentialIdentityProvider = this.chainCredentials(),
    abortSignal?: AbortSignal,
  ): Promise<CallerIdentity> {
    let sts = this.stsClients.get(credentials);
    if (!sts) this.stsClients.set(credentials, (sts = new STSClient(this.clientConfig(this.homeRegion, credentials))));
    const out = await this.call({ action: "sts:GetCallerIdentity", region: this.homeRegion }, () =>
      sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    return { accountId: out.Account ?? "", arn: out.Arn ?? "", userId: out.UserId ?? "" };
  }

  /** The post-chain caller, looked up once. */
  callerIdentity(): Promise<CallerIdentity> {
    this.callerPromise ??= this.identity().catch((error: unknown) => {
      this.callerPromise = undefined;
      throw error;
    });
    return this.callerPromise;
  }

  addTargets(targets: readonly AccountTarget[]): void {
    for (const target of targets) if (!this.targets.has(target.accountId)) this.targets.set(target.accountId, target);
  }

  target(accountId: string): AccountTarget | undefined {
    return this.targets.get(accountId);
  }

  /** Credentials for an account: its target role, or the chain's own for the caller's account. */
  accountCredentials(accountId: string): AwsCredentialIdentityProvider {
    const target = this.targets.get(accountId);
    if (target?.roleArn) return this.roleCredentials(target.roleArn);
    if (target) return this.chainCredentials();
    return async (properties) => {
      const caller = await this.callerIdentity();
      if (caller.accountId !== accountId) throw new Error(`Account ${accountId} is not a target of this connection`);
      return this.chainCredentials()(properties);
    };
  }

  /** Credentials of a member role assumed from the end of the chain with the external ID. */
  roleCredentials(arn: string): AwsCredentialIdentityProvider {
    return this.chain.role(arn);
  }

  /** A cached SDK client for one account and region. */
  client<C>(ClientClass: AwsClientClass<C>, where: { accountId: string; region: string }): C {
    return this.cachedClient(ClientClass, `${where.accountId}|${where.region}`, () =>
      this.clientConfig(where.region, this.accountCredentials(where.accountId)),
    );
  }

  /**
   * Drops the cached clients of one account + region once a run is done there: a run over
   * hundreds of account-regions would otherwise keep thousands of SDK clients alive.
   */
  releaseClients(where: { accountId: string; region: string }): void {
    this.clients.release(`${where.accountId}|${where.region}`);
  }

  /** A client with the post-chain caller's own credentials (discovery, Config aggregator). */
  callerClient<C>(ClientClass: AwsClientClass<C>, region: string = this.homeRegion): C {
    return this.cachedClient(ClientClass, `@caller|${region}`, () =>
      this.clientConfig(region, this.chainCredentials()),
    );
  }

  roleArn(accountId: string, roleName: string): string {
    return roleArn(this.partition, accountId, roleName);
  }

  classify(error: unknown, context: ClassifyInput): AwsErrorInfo {
    return classifyAwsError(error, { ...this.classifyDefaults(), ...context });
  }

  /** Runs one AWS call; a failure is rethrown as an AwsCallError carrying its classification. */
  async call<T>(context: ClassifyInput, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw error instanceof AwsCallError ? error : new AwsCallError(this.classify(error, context), { cause: error });
    }
  }

  /** Closes the keep-alive sockets. The session must not be used afterwards. */
  destroy(): void {
    this.handler.destroy();
  }

  private cachedClient<C>(ClientClass: AwsClientClass<C>, key: string, config: () => AwsClientConfig): C {
    return this.clients.get(ClientClass, key, () => {
      const client = new ClientClass(config());
      this.options.onClientCreated?.(client as object);
      return client;
    });
  }

  private stsSettings(region: string): StsClientSettings {
    return {
      region,
      ...(this.settings.endpointUrl ? { endpoint: this.settings.endpointUrl } : {}),
      requestHandler: this.handler,
      maxAttempts: this.options.maxAttempts,
      retryMode: this.options.retryMode,
      logger: QUIET_SDK_LOGGER,
    };
  }

  private clientConfig(region: string, credentials: AwsCredentialIdentityProvider): AwsClientConfig {
    return { ...this.stsSettings(region), credentials };
  }

  private classifyDefaults(): Pick<ClassifyContext, "proxy" | "secrets"> {
    return connectionClassifyContext(this.settings);
  }
}

export function createAwsSession(settings: AwsConnectionSettings, options?: AwsSessionOptions): AwsSession {
  return new AwsSession(settings, options);
}
