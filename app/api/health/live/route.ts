// Liveness: the process is up and its event loop turns. No database, no session: a database outage
// must not make the container engine restart every instance (that is what readiness is for).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
