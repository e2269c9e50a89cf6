// Runs once when the server process starts (Next's instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before anything else: route handlers learn the TCP peer's address from this header
  // (lib/http/client-ip.ts), so a client-sent X-Forwarded-For cannot pose as it.
  const { installPeerAddressHeader } = await import("./lib/http/peer-address-header");
  installPeerAddressHeader();
  const { startServerOrExit } = await import("./lib/setup/start-server");
  await startServerOrExit();
}
