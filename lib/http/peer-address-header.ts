import http from "node:http";
import https from "node:https";

// Route handlers never see the socket: Next builds their Request from the Node request's
// headers only. This header carries the TCP peer's address instead. It is overwritten on every
// request before Next reads anything, so a client cannot supply it (lib/http/client-ip.ts).
export const PEER_ADDRESS_HEADER = "x-cirrus-peer-address";

const INSTALLED = Symbol.for("cirrus.peerAddressHeader");

// Wraps the `request` event of Node's HTTP(S) servers; `next start` (and `next dev`) create
// theirs in this process. Called from instrumentation.ts, which Next runs before it handles
// the first request. Not a custom server: Next's own server and routing stay as they are.
export function installPeerAddressHeader(): void {
  for (const prototype of [http.Server.prototype, https.Server.prototype] as unknown as Record<
    symbol | string,
    unknown
  >[]) {
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
    prototype[INSTALLED] = true;
  }
}
