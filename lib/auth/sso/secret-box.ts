// Organizations' client secrets at rest: AES-256-GCM (authenticated, so a tampered value fails
// instead of decrypting to garbage) with a key derived from the portal's secret by HKDF. A
// database backup alone therefore does not give the secrets away. Rotating NEXTAUTH_SECRET makes
// stored secrets unreadable: the page then says so and asks for them again (see README).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const INFO = "irci-portal identity provider client secret";

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "irci-portal", INFO, 32));
}

export function sealSecret(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The secret, or null when it was sealed with another key or altered. */
export function openSecret(sealed: string, secret: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
