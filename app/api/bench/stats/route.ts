import { NextResponse } from "next/server";
import { queriesSent, recentQueries } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * For `npm run bench` only: how many SQL statements this instance has sent, so the benchmark can
 * count queries per request. Absent (404) unless the server was started with BENCH_STATS=1.
 */
export function GET(request: Request) {
  if (process.env.BENCH_STATS !== "1") return new NextResponse("Not found", { status: 404 });
  const recent = new URL(request.url).searchParams.has("recent") ? recentQueries() : undefined;
  return NextResponse.json({ queries: queriesSent(), recent });
}
