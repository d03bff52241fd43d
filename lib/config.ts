// Settings from the environment, read once and checked. Every variable is listed in README.md.
import { z } from "zod";

const Env = z
  .object({
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** "demo" adds one-click sign-in as demo people and the development mailbox. */
    PORTAL_MODE: z.enum(["production", "demo"]).default("production"),
    /** SMTP server as a URL, e.g. smtps://user:pass@smtp.example.org:465 */
    EMAIL_SERVER: z.string().url().optional(),
    EMAIL_FROM: z.string().default("IRCI portal <no-reply@irci-portal.invalid>"),
    /** The portal's public address: links in email point here. */
    NEXTAUTH_URL: z.string().url().default("http://localhost:3000"),
    /** Set by `npm start` when it runs the embedded database: a machine of one's own, not a deployment. */
    EMBEDDED_DATABASE: z.enum(["true", "false"]).default("false"),
    /** A demo on a database server, said on purpose (a shared demo site, the end-to-end tests). */
    PORTAL_DEMO_ON_SERVER: z.enum(["true", "false"]).default("false"),
  })
  .superRefine((env, ctx) => {
    if (env.PORTAL_MODE === "demo" && env.EMBEDDED_DATABASE !== "true" && env.PORTAL_DEMO_ON_SERVER !== "true") {
      ctx.addIssue({
        code: "custom",
        path: ["PORTAL_MODE"],
        message:
          "demo mode lets anyone sign in as any demo person with one click and shows captured mail to anyone, " +
          "and DATABASE_URL names a database server, as a real deployment does. Use PORTAL_MODE=production; " +
          "for a demo site on a server on purpose, also set PORTAL_DEMO_ON_SERVER=true",
      });
    }
    if (env.PORTAL_MODE === "production" && !env.EMAIL_SERVER) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_SERVER"],
        message: "production needs an SMTP server to send sign-in links (or set PORTAL_MODE=demo)",
      });
    }
  });

export type Config = z.infer<typeof Env> & { demo: boolean; captureMail: boolean };

export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  return {
    ...env,
    demo: env.PORTAL_MODE === "demo",
    // Outside production, with no SMTP server, mail is captured in the development mailbox.
    captureMail: env.PORTAL_MODE !== "production" && !env.EMAIL_SERVER,
  };
}

/** The secret every instance shares (sessions, sign-in tokens, unsubscribe links). */
export function portalSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
