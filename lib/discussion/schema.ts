// What a comment must be: the server checks it on every post and edit. Pure (zod only).
import { z } from "zod";
import { plainText } from "@/lib/validation";
import { COMMENT_MAX } from "./limits";

export const ZCommentBody = plainText(COMMENT_MAX).pipe(z.string().min(1, "Write something first."));
