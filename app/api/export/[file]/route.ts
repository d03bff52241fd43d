import { NextResponse } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/csv";
import { exportRows } from "@/lib/trials/queries";

const FILES = {
  "proposals.csv": ["proposals", "csv"],
  "proposals.json": ["proposals", "json"],
  "trials.csv": ["trials", "csv"],
  "trials.json": ["trials", "json"],
} as const;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const spec = FILES[file as keyof typeof FILES];
  if (!spec) return NextResponse.json({ error: "No such export." }, { status: 404 });
  const [kind, format] = spec;
  try {
    const rows = await exportRows(await currentActor(), kind);
    const stamp = new Date().toISOString().slice(0, 10);
    const disposition = `attachment; filename="irci-${kind}-${stamp}.${format}"`;
    if (format === "json") {
      return new NextResponse(JSON.stringify(rows, null, 2), { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": disposition } });
    }
    return new NextResponse(toCsv(rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition } });
  } catch (error) {
    if (error instanceof AppError && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) {
      return NextResponse.json({ error: error.message }, { status: error.code === "UNAUTHENTICATED" ? 401 : 403 });
    }
    throw error;
  }
}
