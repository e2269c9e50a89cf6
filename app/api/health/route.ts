import { getHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Liveness for load balancers and scripts: version and database status. No auth, no secrets.
export async function GET() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
