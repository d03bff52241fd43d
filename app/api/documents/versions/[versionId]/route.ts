import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { versionForDownload } from "@/lib/documents/queries";
import { documentStorage } from "@/lib/documents/store";
import { fileResponseHeaders } from "@/lib/documents/serve";

/**
 * One version's bytes, streamed from storage a chunk at a time. A download (attachment) unless a PDF
 * is asked for with ?preview=1, which is served inline for the page's preview frame. Only the types
 * checked at upload are ever stored, so nothing served here is HTML, SVG, XML or script.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  try {
    const version = await versionForDownload(await currentActor(), versionId);
    const body = await documentStorage().get(version.storageKey);
    if (!body) throw new AppError("NOT_FOUND", "This version's file is missing from storage.");
    const preview = request.nextUrl.searchParams.get("preview") === "1";
    return new NextResponse(body, { headers: fileResponseHeaders(version, preview) });
  } catch (error) {
    if (error instanceof AppError) {
      // This path has no headers from next.config.js or the proxy: the refusal carries its own.
      return NextResponse.json(
        { error: error.message },
        {
          status: HTTP_STATUS[error.code],
          headers: { "cache-control": "no-store", "x-content-type-options": "nosniff", "x-frame-options": "DENY" },
        },
      );
    }
    throw error;
  }
}
