"use server";
// The discussion's forms, on proposal and group pages alike. The page to refresh is the thread's
// own, as the server knows it: never a path sent by the browser.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { deleteComment, editComment, postComment, type ThreadType } from "@/lib/discussion";
import { formAction, formString, type FormState } from "@/lib/form-state";

/** Said after saving a comment whose old-style handles two people share: neither was told. */
function unreached(done: string, ambiguous: string[]): string {
  if (ambiguous.length === 0) return done;
  const handles = ambiguous.map((h) => `@${h}`).join(", ");
  return `${done} ${handles} ${ambiguous.length === 1 ? "names" : "name"} more than one person, so nobody was told: type @ and pick the person from the list.`;
}

export async function postCommentAction(type: ThreadType, threadId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const posted = await postComment(await currentActor(), type, threadId, {
      body: formString(formData, "body"),
      parentId: formString(formData, "parentId") || null,
    });
    revalidatePath(posted.link);
    return unreached("Posted.", posted.ambiguous);
  });
}

export async function editCommentAction(commentId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { link, ambiguous } = await editComment(await currentActor(), commentId, formString(formData, "body"));
    revalidatePath(link);
    return unreached("Saved; the earlier text is kept.", ambiguous);
  });
}

export async function deleteCommentAction(commentId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { link } = await deleteComment(await currentActor(), commentId);
    revalidatePath(link);
    return "Deleted.";
  });
}
