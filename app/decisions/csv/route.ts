import { NextResponse } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { CSV_BOM, csvLine } from "@/lib/csv";
import { decisionCsvRows, DECISION_CSV_COLUMNS } from "@/lib/decisions/export";
import { filtersFrom } from "../filters";

/** The register (same filters) as CSV: a header always, then one row per decision the reader may see, cells defused for spreadsheets. */
export async function GET(request: Request) {
  const filters = filtersFrom(new URL(request.url).searchParams);
  const rows = await decisionCsvRows(await currentActor(), filters);
  const body =
    CSV_BOM +
    csvLine(DECISION_CSV_COLUMNS.map((c) => c.header)) +
    rows.map((r) => csvLine(DECISION_CSV_COLUMNS.map((c) => r[c.key]))).join("");
  const stamp = new Date().toISOString().slice(0, 10);
  return new NextResponse(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="irci-decisions-${stamp}.csv"`,
      // Members' decisions for members: never kept by a browser or a proxy.
      "cache-control": "private, no-store",
    },
  });
}
