"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { demoSignInPath } from "@/lib/auth/demo";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const Input = z.object({ userId: z.string().min(1).max(64), callbackUrl: z.string().max(2000).optional() });

export async function signInAsDemoPerson(formData: FormData) {
  const input = Input.parse({ userId: formData.get("userId"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  redirect(await demoSignInPath(input.userId, safeCallbackUrl(input.callbackUrl)));
}
