"use server";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/authz/actor";
import { deleteComment, editComment, postComment, type ThreadType } from "@/lib/discussion";
import { failure, formString, type FormState } from "@/lib/form-state";

export async function postCommentAction(type: ThreadType, threadId: string, path: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    await postComment(await currentActor(), type, threadId, { body: formString(formData, "body"), parentId: formString(formData, "parentId") || null });
    revalidatePath(path);
    return { ok: true, message: "Posted." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function editCommentAction(commentId: string, path: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    await editComment(await currentActor(), commentId, formString(formData, "body"));
    revalidatePath(path);
    return { ok: true, message: "Saved; the earlier text is kept." };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function deleteCommentAction(commentId: string, path: string, _s: FormState, formData: FormData): Promise<FormState> {
  try {
    await deleteComment(await currentActor(), commentId);
    revalidatePath(path);
    return { ok: true, message: "Deleted." };
  } catch (error) {
    return failure(error, formData);
  }
}
