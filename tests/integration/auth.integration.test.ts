// Sign-in's data rules: sessions in the database, audited in the same transaction; single-use
// links; only known, active people; demo sign-in only for demo people.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { portalAdapter, type PortalUser } from "@/lib/auth/adapter";
import { demoSignInPath } from "@/lib/auth/demo";
import { AppError } from "@/lib/errors";
import { makePerson } from "../support/fixtures";

const adapter = portalAdapter(db);

beforeAll(() => seedDatabase(db, { demo: true }));
afterAll(() => db.$disconnect());

describe("next-auth adapter", () => {
  it("finds people by email whatever the case, with their organization and role", async () => {
    const user = (await adapter.getUserByEmail!("Riley.Placebo@NCI.irci.example")) as PortalUser;
    expect(user.organization?.shortName).toBe("NCI");
    expect(user.orgRole).toBe("REPRESENTATIVE");
  });

  it("does not let deactivated people sign in or keep their sessions", async () => {
    const person = await makePerson(db, { org: "nci" });
    const session = await adapter.createSession!({
      sessionToken: `t-${person.userId}`,
      userId: person.userId,
      expires: new Date(Date.now() + 60_000),
    });
    await db.user.update({ where: { id: person.userId }, data: { active: false } });
    expect(await adapter.getUserByEmail!(person.email)).toBeNull();
    expect(await adapter.getSessionAndUser!(session.sessionToken)).toBeNull();
  });

  it("never creates an account by signing in", async () => {
    await expect(adapter.createUser!({ email: "stranger@example.org", emailVerified: null } as never)).rejects.toThrow();
    expect(await db.user.count({ where: { email: "stranger@example.org" } })).toBe(0);
  });

  it("writes the session and its audit event together, and again on sign-out", async () => {
    const person = await makePerson(db, { org: "eortc" });
    const token = `session-${person.userId}`;
    await adapter.createSession!({ sessionToken: token, userId: person.userId, expires: new Date(Date.now() + 60_000) });
    const found = await adapter.getSessionAndUser!(token);
    expect((found?.user as PortalUser).organization?.shortName).toBe("EORTC");
    await adapter.deleteSession!(token);
    expect(await db.session.count({ where: { sessionToken: token } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { actorId: person.userId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["auth.signed_in", "auth.signed_out"]);
  });

  it("writes no audit event when the session cannot be created", async () => {
    const person = await makePerson(db, { org: "eortc" });
    await adapter.createSession!({ sessionToken: "duplicate-token", userId: person.userId, expires: new Date(Date.now() + 60_000) });
    await expect(
      adapter.createSession!({ sessionToken: "duplicate-token", userId: person.userId, expires: new Date(Date.now() + 60_000) }),
    ).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { actorId: person.userId, action: "auth.signed_in" } })).toBe(1);
  });

  it("lets a sign-in link be used once", async () => {
    const person = await makePerson(db, { org: "inca" });
    await adapter.createVerificationToken!({ identifier: person.email, token: "hashed", expires: new Date(Date.now() + 60_000) });
    expect(await adapter.useVerificationToken!({ identifier: person.email, token: "hashed" })).not.toBeNull();
    expect(await adapter.useVerificationToken!({ identifier: person.email, token: "hashed" })).toBeNull();
  });
});

describe("demo sign-in", () => {
  it("issues a single-use link token for a demo person, hashed as next-auth hashes it", async () => {
    const quinn = await db.user.findUniqueOrThrow({ where: { email: "quinn.quorum@secretariat.irci.example" } });
    const path = await demoSignInPath(quinn.id, "/groups");
    const params = new URL(path, "http://localhost").searchParams;
    expect(params.get("callbackUrl")).toBe("/groups");
    const hashed = createHash("sha256")
      .update(`${params.get("token")}${process.env.NEXTAUTH_SECRET}`)
      .digest("hex");
    expect(await db.verificationToken.count({ where: { identifier: quinn.email, token: hashed } })).toBe(1);
  });

  it("refuses anyone who is not a demo person", async () => {
    const real = await makePerson(db, { org: "nci", demo: false });
    const error = await demoSignInPath(real.userId, "/").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});

describe("the development mailbox", () => {
  it("captures mail for demo people only: a real person's sign-in link is never readable there", async () => {
    const { sendMail } = await import("@/lib/mail/send");
    // A real person has a real address: anything under the reserved .example is fictional, and captured.
    const person = await makePerson(db, { org: "nci", demo: false });
    const real = await db.user.update({ where: { id: person.userId }, data: { email: person.email.replace(/\.example$/, ".org") } });
    const demo = await makePerson(db, { org: "nci", demo: true });
    const invited = `invited-${person.userId}@nci.irci.example`;
    await sendMail({ to: real.email, subject: "Sign in", text: "https://portal/secret-link" });
    await sendMail({ to: invited, subject: "Invitation", text: "https://portal/invitations/x" });
    expect(await db.devMail.count({ where: { to: invited } })).toBe(1);
    await sendMail({ to: demo.email, subject: "Sign in", text: "https://portal/demo-link" });
    expect(await db.devMail.count({ where: { to: real.email } })).toBe(0);
    expect(await db.devMail.count({ where: { to: demo.email } })).toBe(1);
  });
});
