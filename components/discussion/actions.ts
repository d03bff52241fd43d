"use server";
// The discussion's forms, on proposal and group pages alike. The page to refresh is the thread's
// own, as the server knows it: never a path sent by the browser.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { deleteComment, editComment, postComment, type ThreadType } from "@/lib/discussion";
import { formAction, formString, type FormState } from "@/lib/form-state";

export async function postCommentAction(type: ThreadType, threadId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const posted = await postComment(await currentActor(), type, threadId, {
      body: formString(formData, "body"),
      parentId: formString(formData, "parentId") || null,
    });
    revalidatePath(posted.link);
    return "Posted.";
  });
}

export async function editCommentAction(commentId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { link } = await editComment(await currentActor(), commentId, formString(formData, "body"));
    revalidatePath(link);
    return "Saved; the earlier text is kept.";
  });
}

export async function deleteCommentAction(commentId: string, _s: FormState, formData: FormData): Promise<FormState> {
  return formAction(formData, async () => {
    const { link } = await deleteComment(await currentActor(), commentId);
    revalidatePath(link);
    return "Deleted.";
  });
}
