import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError, HTTP_STATUS, ValidationError } from "@/lib/errors";
import { authorizeUpload } from "@/lib/documents/access";
import { MAX_DOCUMENT_BYTES, MAX_UPLOAD_OVERHEAD_BYTES } from "@/lib/documents/kinds";
import { readLimitedForm } from "@/lib/documents/upload-body";
import { uploadDocument, uploadedMessage } from "@/lib/documents/mutations";
import { fromThisSite } from "@/lib/same-site";

/**
 * Uploads a document or a new version of one: POST /api/documents?proposal=<id>, a multipart body
 * with `file`, and either `documentId` and `changeNote` (a new version) or `scope`, `kind`, `title`
 * and an optional `changeNote` (a new document; a trial's may name its `componentStudyId`). Up to 50 MB, beyond a server action's 1 MB; counted
 * as it arrives. Answers JSON: { ok, message, fields? }.
 */
export async function POST(request: NextRequest) {
  // A route handler has no server action's origin check: only the portal's own pages may post here.
  if (!fromThisSite(request.headers)) {
    return NextResponse.json({ ok: false, message: "Cross-site request refused." }, { status: 403 });
  }
  const proposalId = request.nextUrl.searchParams.get("proposal");
  try {
    const actor = await currentActor();
    // Only those who may upload make the server read a large body.
    await authorizeUpload(actor, proposalId);
    const form = await readLimitedForm(request, MAX_DOCUMENT_BYTES + MAX_UPLOAD_OVERHEAD_BYTES);
    const result = await uploadDocument(actor, proposalId, {
      documentId: form.get("documentId"),
      scope: form.get("scope"),
      componentStudyId: form.get("componentStudyId"),
      kind: form.get("kind"),
      title: form.get("title"),
      changeNote: form.get("changeNote"),
      file: form.get("file"),
    });
    revalidatePath(`/proposals/${proposalId}`);
    revalidatePath(`/proposals/${proposalId}/trial`);
    return NextResponse.json({ ok: true, message: uploadedMessage(result), ...result });
  } catch (error) {
    if (error instanceof ValidationError) {
      return NextResponse.json({ ok: false, message: error.message, fields: error.fields }, { status: 400 });
    }
    if (error instanceof AppError) return NextResponse.json({ ok: false, message: error.message }, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
