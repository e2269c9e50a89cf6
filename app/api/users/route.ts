import { authorizeRequest } from "@/lib/auth";
import { errorResponse } from "@/lib/http/responses";
import { createUser, createUserSchema, listUsers } from "@/lib/users";
import { clientIpFrom } from "@/lib/http/client-ip";
import { parseInput } from "@/lib/validation";

// Lists users. Admins only.
export async function GET(request: Request) {
  const auth = await authorizeRequest(request, "admin");
  if (auth.response) return auth.response;
  return Response.json({ users: await listUsers() }, { headers: { "Cache-Control": "no-store" } });
}

// Creates a user from JSON { email, name?, role, password }. Admins only.
export async function POST(request: Request) {
  const auth = await authorizeRequest(request, "admin");
  if (auth.response) return auth.response;
  try {
    const input = parseInput(createUserSchema, await request.json().catch(() => null));
    const user = await createUser(input, auth.user, clientIpFrom(request.headers));
    return Response.json({ user }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
