import { authorizeRequest } from "@/lib/auth";
import { testConnection } from "@/lib/connections";
import { ValidationError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/responses";
import { clientIpFrom } from "@/lib/http/client-ip";
import { ndjsonStream } from "@/lib/http/ndjson-stream";

export const dynamic = "force-dynamic";

// Runs Test Connection and streams the checklist as NDJSON, one check per line, then a final
// { "done": … } line. Body: { connectionId?, input?, mfaCode? }. Admins only.
export async function POST(request: Request) {
  const auth = await authorizeRequest(request, "admin");
  if (auth.response) return auth.response;
  const body = await request.json().catch(() => null);
  if (!body || typeof body !== "object") return errorResponse(new ValidationError("Expected a JSON body"));
  const ip = clientIpFrom(request.headers);
  return ndjsonStream(async (send) => {
    const result = await testConnection(body, auth.user, ip, (event) => send({ event }));
    send({ done: result });
  });
}
