"use server";
// The register's forms: a chair or the secretariat records a decision, and edits one's options and
// rationale. Thin: the rules are in lib/decisions/mutations.ts.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { formAction, formString, type FormState } from "@/lib/form-state";
import { editDecision, recordDecision } from "@/lib/decisions/mutations";

export async function recordDecisionAction(_state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const decision = await recordDecision(await currentActor(), {
      about: formString(formData, "about"),
      kind: formString(formData, "kind"),
      title: formString(formData, "title"),
      decidedOn: formString(formData, "decidedOn"),
      options: formString(formData, "options"),
      rationale: formString(formData, "rationale"),
      public: formString(formData, "public"),
    });
    revalidatePath("/decisions");
    return `Recorded: ${decision.title}.`;
  });
}

export async function editDecisionAction(decisionId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    await editDecision(await currentActor(), decisionId, {
      options: formString(formData, "options"),
      rationale: formString(formData, "rationale"),
      version: formString(formData, "version"),
    });
    revalidatePath("/decisions");
    revalidatePath(`/decisions/${decisionId}`);
    return "The decision is saved.";
  });
}
