// HTTP control API under /_sim/ (documented in docs/simulator.md). JSON in, JSON out.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorControl } from "./control/control";
import { MutationError, type MutateOp } from "./control/mutate";
import type { FaultsSpec } from "./faults/types";

function send(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(value, null, 2));
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  const v = JSON.parse(body.toString("utf8")) as unknown;
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new MutationError("body must be a JSON object");
  return v as Record<string, unknown>;
}

export function handleControl(
  control: SimulatorControl,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
): void {
  const route = `${req.method} ${path}`;
  try {
    const mfa = /^\/_sim\/mfa\/(.+)\/code$/.exec(path);
    if (req.method === "GET" && mfa) {
      const code = control.mfaCode(decodeURIComponent(mfa[1]));
      return code ? send(res, 200, { code }) : send(res, 404, { error: `no MFA device ${decodeURIComponent(mfa[1])}` });
    }
    switch (route) {
      case "GET /_sim/health":
        return send(res, 200, { ok: true });
      case "GET /_sim/summary":
        return send(res, 200, control.summary());
      case "GET /_sim/stats":
        return send(res, 200, control.stats());
      case "POST /_sim/stats/reset":
        return (control.resetStats(), send(res, 200, control.stats()));
      case "GET /_sim/clock":
        return send(res, 200, control.clock());
      case "POST /_sim/clock": {
        const seconds = Number(parseJson(body).advanceSeconds);
        if (!Number.isFinite(seconds)) return send(res, 400, { error: "advanceSeconds must be a number" });
        return send(res, 200, control.advanceClock(seconds));
      }
      case "GET /_sim/faults":
        return send(res, 200, control.faults());
      case "POST /_sim/faults":
        return send(res, 200, control.setFaults(parseJson(body) as FaultsSpec));
      case "DELETE /_sim/faults":
        return send(res, 200, control.clearFaults());
      case "POST /_sim/mutate":
        return send(res, 200, control.mutate(parseJson(body) as unknown as MutateOp));
      case "GET /_sim/credentials":
        return send(res, 200, control.credentials());
      default:
        return send(res, 404, { error: `no control route ${route}` });
    }
  } catch (e) {
    if (e instanceof MutationError) return send(res, e.status, { error: e.message });
    if (e instanceof SyntaxError) return send(res, 400, { error: `invalid JSON: ${e.message}` });
    throw e;
  }
}
