import type { APIRequestContext, Request } from "@playwright/test";

// Replays a captured server-action POST with another session (`request`), as a client that
// skips the UI would: same action id and body, or the body with `data` instead.
export function replayServerAction(request: APIRequestContext, captured: Request, data = captured.postData()!) {
  return request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"],
      "content-type": captured.headers()["content-type"],
      accept: "text/x-component",
      origin: new URL(captured.url()).origin,
    },
    data,
  });
}
