// What a service handler receives for one call, and what it returns.
import type { Session } from "../auth/session";
import type { Clock } from "../clock";
import type { CredentialStore } from "../auth/credentials";
import type { Params } from "../protocols/params";
import type { ServiceInfo } from "../protocols/service-info";
import type { World } from "../world/world";

export interface CallContext {
  requestId: string;
  service: ServiceInfo;
  action: string;
  /** Query-protocol parameters (EC2, STS, IAM, RDS). */
  params: Params;
  /** JSON-protocol input (Organizations, Config). */
  input: Record<string, unknown>;
  /** Region of the SigV4 credential scope. */
  region: string;
  session: Session;
  world: World;
  credentials: CredentialStore;
  clock: Clock;
  /** Throws the service's access-denied error unless the caller's policies allow. */
  authorize(action: string, resource: string, extraContext?: Record<string, string | undefined>): void;
}

/** Query services return the XML inside the result element; JSON services return the output object. */
export type HandlerResult = string | Record<string, unknown>;
export type Handler = (ctx: CallContext) => HandlerResult;

export interface ServiceModule {
  actions: Record<string, Handler>;
  /** EC2's unfiltered, unpaginated DescribeInstances draws from a smaller throttle bucket. */
  isUnpaginated?(action: string, params: Params): boolean;
}
