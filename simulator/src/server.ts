// The HTTP server: one port for every AWS service, IMDS (/latest/...) and the control API
// (/_sim/...). Every response carries x-amzn-RequestId and Date, as AWS's do.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAwsRequest } from "./aws-handler";
import { createControl, type SimulatorControl } from "./control/control";
import { handleControl } from "./control-api";
import { type Core, createCore } from "./core";
import type { WorldSpec } from "./world/types";
import type { World } from "./world/world";

export interface StartOptions {
  world: WorldSpec;
  port?: number;
  host?: string;
}

export interface RunningSimulator {
  url: string;
  world: World;
  control: SimulatorControl;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function route(core: Core, control: SimulatorControl, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  res.setHeader("x-amzn-RequestId", requestId);
  res.setHeader("Date", new Date().toUTCString());
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname.startsWith("/_sim/")) return handleControl(control, req, res, url.pathname, await readBody(req));
  if (url.pathname.startsWith("/latest/")) return core.imds.handle(req, res, url.pathname);
  // In flight from arrival to the end of the response, so overlapping client calls count even
  // though each is handled in one synchronous step.
  core.stats.enter();
  res.once("close", () => core.stats.leave());
  await handleAwsRequest(core, req, res, await readBody(req), requestId, url);
}

export async function startServer(options: StartOptions): Promise<RunningSimulator> {
  const core = createCore(options.world);
  const host = options.host ?? "127.0.0.1";
  let url = "";
  const control = createControl(core, () => url);
  const server: Server = createServer((req, res) => {
    route(core, control, req, res).catch((e: unknown) => {
      process.stderr.write(`simulator: ${(e as Error)?.stack ?? String(e)}\n`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Many SDK clients keep connections alive; do not let Node's defaults cut them mid-bench.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    world: core.world,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging (fault-injected) and keep-alive connections would hold close() forever.
        server.closeAllConnections();
      }),
  };
}
