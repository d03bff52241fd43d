import "server-only";
import { revalidatePath } from "next/cache";
import { formAction, type FormState } from "@/lib/form-state";
import { requireKey } from "@/lib/validation";

/**
 * Runs one of the trial page's forms (the trial's own, and its component studies'). The proposal's id is
 * bound to them only to name the page to refresh: it comes back from the browser, so it is checked
 * before anything is written.
 */
export function onTrialPage(proposalId: string, formData: FormData, work: () => Promise<unknown>, message: string): Promise<FormState> {
  return formAction(formData, async () => {
    const path = `/proposals/${requireKey(proposalId, "proposal")}/trial`;
    await work();
    revalidatePath(path);
    return message;
  });
}
