"use server";
import { revalidatePath } from "next/cache";
import { currentActorKeptForPage } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { saveProposal } from "@/lib/proposals/mutations";
import { CONTENT_FIELDS } from "@/lib/proposals/schema";

export async function saveProposalAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const content = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, formString(formData, f)]));
    const saved = await saveProposal(await currentActorKeptForPage(), id, content, Number(formString(formData, "version")));
    revalidatePath(`/proposals/${id}`);
    return { ok: true, message: `Saved as revision ${saved.revision}.`, values: { ...content, version: String(saved.version) } };
  });
}
