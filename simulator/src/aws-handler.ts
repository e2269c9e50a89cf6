// One AWS API request: find the service (SigV4 scope), parse the protocol, authenticate,
// apply injected faults, dispatch to the handler and answer in the service's wire format.
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth/authenticate";
import { decide, deniedError, requestContext } from "./auth/authorize";
import { parseAuthorization } from "./auth/sigv4";
import type { Core } from "./core";
import type { FaultOutcome } from "./faults/faults";
import { ApiError, renderError, throttlingError } from "./protocols/errors";
import { parseForm, type Params } from "./protocols/params";
import { sendSuccess } from "./protocols/responses";
import { guessService, SERVICES, type ServiceInfo, type ServiceName } from "./protocols/service-info";
import type { CallContext } from "./services/context";
import { MODULES } from "./services/index";
import type { Outcome } from "./stats";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ParsedCall {
  action: string;
  params: Params;
  input: Record<string, unknown>;
}

function parseCall(service: ServiceInfo, req: IncomingMessage, body: Buffer, rawQuery: string): ParsedCall {
  if (service.protocol === "json") {
    const target = String(req.headers["x-amz-target"] ?? "");
    const action = target.startsWith(`${service.targetPrefix}.`) ? target.slice(service.targetPrefix!.length + 1) : "";
    let input: Record<string, unknown> = {};
    try {
      input = body.length > 0 ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      throw new ApiError("SerializationException", "Start of structure or map found where not expected.", 400);
    }
    return { action, params: new Map(), input };
  }
  // Query protocols: the form body, plus any parameters sent in the URL query string.
  const params = parseForm(body.toString("utf8"));
  for (const [k, v] of new URLSearchParams(rawQuery)) if (!params.has(k)) params.set(k, v);
  return { action: params.get("Action") ?? "", params, input: {} };
}

function outcomeError(service: ServiceInfo, outcome: FaultOutcome): ApiError | undefined {
  if (outcome.kind === "throttle") return throttlingError(service);
  if (outcome.kind === "error") return new ApiError(outcome.code, outcome.message, outcome.status);
  return undefined;
}

export async function handleAwsRequest(
  core: Core,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  requestId: string,
  url: URL,
): Promise<void> {
  const auth = parseAuthorization(req.headers.authorization);
  const rawQuery = url.search.slice(1);
  const service =
    (auth && SERVICES[auth.service as ServiceName]) ||
    guessService(
      req.headers["x-amz-target"] as string | undefined,
      new URLSearchParams(body.toString("utf8")).get("Version") ?? undefined,
    );
  if (!service) {
    renderError(
      res,
      new ApiError(
        "UnknownService",
        `No simulated service for this request (credential scope service "${auth?.service ?? "none"}").`,
        400,
      ),
      undefined,
      requestId,
    );
    return;
  }
  let api = `${service.name}:unknown`;
  let outcome: Outcome = "error";
  try {
    const call = parseCall(service, req, body, rawQuery);
    api = `${service.name}:${call.action || "unknown"}`;
    const session = authenticate(
      { method: req.method ?? "POST", path: url.pathname, rawQuery, headers: req.headers, body },
      auth,
      service,
      core,
    );
    const serviceModule = MODULES[service.name];
    const handler = serviceModule.actions[call.action];
    if (!handler) {
      throw service.protocol === "json"
        ? new ApiError("UnknownOperationException", `Unknown operation ${call.action}`, 400)
        : new ApiError("InvalidAction", `The action ${call.action} is not valid for this web service.`, 400);
    }
    const region = auth!.region;
    const roleArn = call.params instanceof Map ? call.params.get("RoleArn") : undefined;
    const targetAccount = typeof roleArn === "string" ? roleArn.split(":")[4] : undefined;
    const plan = core.faults.plan(
      {
        api,
        account: session.accountId,
        region,
        targetAccount,
        unpaginated: serviceModule.isUnpaginated?.(call.action, call.params),
      },
      Date.now(),
    );
    if (plan.hang === "forever") {
      // Never answer: the client's timeout is what is under test. The socket closes eventually.
      await new Promise((resolve) => req.socket.once("close", resolve));
      return;
    }
    if (typeof plan.hang === "number") await sleep(plan.hang);
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    const injected = outcomeError(service, plan.outcome);
    if (injected) throw injected;

    const ctx: CallContext = {
      requestId,
      service,
      action: call.action,
      params: call.params,
      input: call.input,
      region,
      session,
      world: core.world,
      credentials: core.credentials,
      clock: core.clock,
      authorize(action, resource, extra) {
        const cond = requestContext(session, region, core.clock.now(), extra);
        const decision = decide(core.world, session, action, resource, cond);
        if (decision !== "allow") throw deniedError(service, session, action, resource, decision);
      },
    };
    const result = handler(ctx);
    sendSuccess(res, service, call.action, requestId, result);
    outcome = "ok";
  } catch (e) {
    const err = e instanceof ApiError ? e : internalError(e, service);
    outcome = err.code === service.throttle.code ? "throttled" : "error";
    renderError(res, err, service, requestId);
  } finally {
    core.stats.record(api, outcome);
  }
}

function internalError(e: unknown, service: ServiceInfo): ApiError {
  process.stderr.write(`simulator: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return new ApiError(
    service.protocol === "json" ? "InternalFailure" : "InternalError",
    "We encountered an internal error. Please try again.",
    500,
  );
}
