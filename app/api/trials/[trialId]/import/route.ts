import { revalidatePath } from "next/cache";
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/authz/actor";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import { readLimitedText } from "@/lib/limited-body";
import { fromThisSite } from "@/lib/same-site";
import { fetchStudy } from "@/lib/trials/fetch";
import { MAX_IMPORT_BYTES } from "@/lib/trials/import-limit";
import { assertKeepsTrial } from "@/lib/trials/access";
import { applyImport, importedMessage, previewImport } from "@/lib/trials/import";

/**
 * A ClinicalTrials.gov record, previewed (?step=preview) or applied (?step=apply): the study's JSON
 * as the body, up to MAX_IMPORT_BYTES (records of large trials run to several megabytes, beyond a
 * server action's 1 MB), or fetched by the server (?nct=NCT…). Only what the portal needs is kept.
 * A record whose NCT number is not the trial's is applied only with ?confirm=<its NCT number>.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ trialId: string }> }) {
  // A route handler has no server action's origin check: only the portal's own pages may post here.
  if (!fromThisSite(request.headers)) {
    return NextResponse.json({ error: "Cross-site request refused." }, { status: 403 });
  }
  const { trialId } = await params;
  const step = request.nextUrl.searchParams.get("step") === "apply" ? "apply" : "preview";
  const nct = request.nextUrl.searchParams.get("nct");
  try {
    const actor = await currentActor();
    // Only those who keep this trial's record make the server read a large body or call out.
    await assertKeepsTrial(actor, trialId);
    let json: string;
    if (nct !== null) {
      json = await fetchStudy(nct);
    } else {
      json = await readLimitedText(request, MAX_IMPORT_BYTES, "The study's file");
    }
    if (!json.trim()) throw new AppError("INVALID", "Paste a study's JSON, or choose a file.");
    if (step === "apply") {
      const result = await applyImport(actor, trialId, json, { confirmNctId: request.nextUrl.searchParams.get("confirm") });
      revalidatePath(`/proposals/${result.proposalId}/trial`);
      return NextResponse.json({ ok: true, applied: true, message: importedMessage(result) });
    }
    const { nctId, changes, otherTrial } = await previewImport(actor, trialId, json);
    return NextResponse.json({
      ok: true,
      nctId,
      changes,
      otherTrial,
      message: changes.length ? `${nctId}: review the changes, then apply them.` : `${nctId}: nothing would change.`,
    });
  } catch (error) {
    if (error instanceof AppError) return NextResponse.json({ ok: false, message: error.message }, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
