import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { portalSecret } from "@/lib/config";
import type { Prisma } from "@/lib/prisma-client";

/**
 * A single-use sign-in token in next-auth's format, stored hashed (sha256 of token and secret) as its
 * email provider checks it; returns the path that signs the person in. One place for the mailed
 * links and the demo's one-click sign-in.
 */
export async function issueSignInToken(
  client: Pick<Prisma.TransactionClient, "verificationToken">,
  email: string,
  callbackUrl: string,
  lifetimeSeconds: number,
): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await client.verificationToken.create({
    data: {
      identifier: email,
      token: createHash("sha256").update(`${token}${portalSecret()}`).digest("hex"),
      expires: new Date(Date.now() + lifetimeSeconds * 1000),
    },
  });
  return `/api/auth/callback/email?${new URLSearchParams({ callbackUrl, token, email })}`;
}
