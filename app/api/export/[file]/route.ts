import { NextResponse } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { exportStream } from "@/lib/export-stream";
import { EXPORT_KINDS, exportBatches, type ExportKind } from "@/lib/portfolio/export";

const FORMATS = ["csv", "json"] as const;

/** "interests.csv" → ["interests", "csv"]; anything not an export's name → undefined. */
function exportFile(file: string): [ExportKind, (typeof FORMATS)[number]] | undefined {
  const [kind, format, ...rest] = file.split(".");
  const k = EXPORT_KINDS.find((x) => x === kind);
  const f = FORMATS.find((x) => x === format);
  return k && f && rest.length === 0 ? [k, f] : undefined;
}

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" } as const;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const spec = exportFile(file);
  if (!spec) return NextResponse.json({ error: "No such export." }, { status: 404 });
  const [kind, format] = spec;
  try {
    const batches = exportBatches(await currentActor(), kind);
    const stamp = new Date().toISOString().slice(0, 10);
    return new NextResponse(exportStream(batches, format), {
      headers: {
        "content-type": CONTENT_TYPE[format],
        "content-disposition": `attachment; filename="irci-${kind}-${stamp}.${format}"`,
        // Members' data: never kept by a browser or a proxy.
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
