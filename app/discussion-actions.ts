"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { deleteComment, editComment, postComment, type ThreadType } from "@/lib/discussion";
import { failure, formString, type FormState } from "@/lib/form-state";

// The page to refresh is the thread's own, as the server knows it: never a path sent by the client.

export async function postCommentAction(type: ThreadType, threadId: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    const posted = await postComment(await currentActor(), type, threadId, { body: formString(formData, "body"), parentId: formString(formData, "parentId") || null });
    revalidatePath(posted.link);
    return { ok: true, message: "Posted." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function editCommentAction(commentId: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    const { link } = await editComment(await currentActor(), commentId, formString(formData, "body"));
    revalidatePath(link);
    return { ok: true, message: "Saved; the earlier text is kept." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function deleteCommentAction(commentId: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    const { link } = await deleteComment(await currentActor(), commentId);
    revalidatePath(link);
    return { ok: true, message: "Deleted." };
  } catch (error) {
    return failure(error, formData);
  }
}
