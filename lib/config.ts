// Settings from the environment, read once and checked. Every variable is listed in README.md.
// A production instance checks them before it serves (instrumentation.ts, the server entry): a
// misconfigured instance refuses to start with a message naming the variable and what to do,
// instead of serving errors, or signing sessions with a secret anyone can read in .env.example.
import { z } from "zod";

/** The value .env.example ships with: it is public, so it signs nothing. */
export const PLACEHOLDER_SECRET = "generate-with-openssl-rand-hex-32";
const SECRET_ADVICE = "generate one with `openssl rand -hex 32` and set it, the same on every instance";
// Words a person types when asked for a secret; a generated value never spells them.
const WEAK_WORDS = [
  "changeme",
  "changeit",
  "changethis",
  "replaceme",
  "placeholder",
  "secret",
  "password",
  "passwd",
  "default",
  "example",
  "letmein",
  "qwerty",
  "admin",
];

/**
 * Why a session secret is not fit for production, or null when it is. Every instance signs sessions,
 * sign-in links and unsubscribe links with it, so guessing it means signing in as anyone.
 */
export function secretWeakness(secret: string): string | null {
  if (secret === PLACEHOLDER_SECRET) return "is the placeholder from .env.example, which anyone can read";
  if (secret.length < 32) return `is ${secret.length} characters long; it needs at least 32`;
  const letters = secret.toLowerCase().replace(/[^a-z]/g, "");
  const word = WEAK_WORDS.find((w) => letters.includes(w));
  if (word) return `contains the word "${word}": it looks typed by hand, not generated`;
  if (new Set(secret).size < 10) return `uses only ${new Set(secret).size} different characters: it looks typed by hand, not generated`;
  return null;
}

/**
 * The rules of a production deployment (PORTAL_MODE=production, the default, with
 * NODE_ENV=production): a real secret and the public address. Demo instances and test runs keep
 * their defaults. Read from the raw settings, so they are reported even when others are wrong too.
 */
function productionProblems(source: {
  PORTAL_MODE?: string;
  NODE_ENV?: string;
  NEXTAUTH_SECRET?: string;
  NEXTAUTH_URL?: string;
}): { path: string[]; message: string }[] {
  if ((source.PORTAL_MODE ?? "production") !== "production" || source.NODE_ENV !== "production") return [];
  const problems: { path: string[]; message: string }[] = [];
  const secret = source.NEXTAUTH_SECRET;
  const weakness = secret ? secretWeakness(secret) : "is not set";
  if (weakness) problems.push({ path: ["NEXTAUTH_SECRET"], message: `${weakness}: ${SECRET_ADVICE}` });
  if (!source.NEXTAUTH_URL) {
    problems.push({
      path: ["NEXTAUTH_URL"],
      message: "is not set: set it to the portal's public address (e.g. https://portal.example.org), which links in email point to",
    });
  }
  return problems;
}

const Env = z
  .object({
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Where the long-lived connections go (the cache's LISTEN and the job queue): a direct or
     * session-mode address when DATABASE_URL points at a transaction-mode pooler, which passes no
     * notifications on and breaks the queue's locks. Defaults to DATABASE_URL.
     */
    DATABASE_DIRECT_URL: z.string().min(1).optional(),
    /** "demo" adds one-click sign-in as demo people and the development mailbox. */
    PORTAL_MODE: z.enum(["production", "demo"]).default("production"),
    /** SMTP server as a URL, e.g. smtps://user:pass@smtp.example.org:465 */
    EMAIL_SERVER: z.string().url().optional(),
    EMAIL_FROM: z.string().default("IRCI portal <no-reply@irci-portal.invalid>"),
    /** The portal's public address: links in email point here. Required in production. */
    NEXTAUTH_URL: z
      .string()
      .url("must be the portal's public address, e.g. https://portal.example.org")
      .refine((url) => /^https?:\/\//i.test(url), "must start with https:// (or http:// behind a proxy that adds TLS)")
      .optional(),
    /** Signs sessions, sign-in and unsubscribe links: checked in production (secretWeakness). */
    NEXTAUTH_SECRET: z.string().optional(),
    NODE_ENV: z.string().optional(),
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
    for (const problem of productionProblems(env)) ctx.addIssue({ code: "custom", ...problem });
  });

export type Config = Omit<z.infer<typeof Env>, "NEXTAUTH_URL" | "NEXTAUTH_SECRET" | "NODE_ENV"> & {
  NEXTAUTH_URL: string;
  /** The address for long-lived connections (LISTEN, the job queue): DATABASE_DIRECT_URL, else DATABASE_URL. */
  directDatabaseUrl: string;
  demo: boolean;
  captureMail: boolean;
};

/** Everything wrong with the settings, one line each naming the variable; empty when they are fine. */
export function configProblems(source: Record<string, string | undefined>): string[] {
  const parsed = Env.safeParse(source);
  if (parsed.success) return [];
  // zod skips the cross-field rules when a field is wrong: add the production ones all the same
  // (those it did run name their variable already).
  const named = new Set(parsed.error.issues.map((i) => i.path[0]));
  const issues = [...parsed.error.issues, ...productionProblems(source).filter((p) => !named.has(p.path[0]))];
  return issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`);
}

export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const problems = configProblems(source).map((p) => `  ${p}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  // The secret stays out of the object that is passed around: portalSecret() reads it.
  const env = { ...parsed.data };
  delete env.NEXTAUTH_SECRET;
  delete env.NODE_ENV;
  return {
    ...env,
    // Outside production, a machine of one's own: links point to the usual local address.
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? "http://localhost:3000",
    directDatabaseUrl: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL,
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

/**
 * Checks the settings of this process before it serves: each problem is logged (naming the
 * variable and what to do) and returned, so that the caller refuses to start. Used by
 * instrumentation.ts and the server entry (ops/server).
 */
export async function validateConfiguration(source: Record<string, string | undefined> = process.env): Promise<string[]> {
  const problems = configProblems(source);
  // Every mode signs sessions with it (npm start makes one for the embedded demo).
  if (!source.NEXTAUTH_SECRET && !problems.some((p) => p.startsWith("NEXTAUTH_SECRET")))
    problems.push("NEXTAUTH_SECRET: is not set: generate one with `openssl rand -hex 32` and set it, the same on every instance");
  if (problems.length) {
    // Imported here: the logger is for the server, and this module is also read by scripts.
    const { log } = await import("@/lib/runtime/log");
    const logger = log.child({ area: "config" });
    for (const problem of problems) logger.fatal(`configuration: ${problem}`);
    logger.fatal(`the portal does not start until ${problems.length === 1 ? "this is" : "these are"} fixed (see README, Configuration)`);
  }
  return problems;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
