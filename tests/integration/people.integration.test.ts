import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { addPerson, deactivatePerson } from "@/lib/people/admin";
import { AppError } from "@/lib/errors";

beforeAll(() => seedDatabase(db, { demo: true }));
afterAll(() => db.$disconnect());

async function code(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("adding people", () => {
  it("adds a representative with their organization, audited in the same transaction", async () => {
    const user = await addPerson(db, { email: " New.Rep@Example.org ", name: "New Rep", org: "CCTG", role: "REPRESENTATIVE" }, null);
    expect(user.email).toBe("new.rep@example.org");
    const membership = await db.membership.findUniqueOrThrow({ where: { userId: user.id }, include: { organization: true } });
    expect([membership.organization.shortName, membership.role]).toEqual(["CCTG", "REPRESENTATIVE"]);
    expect(await db.auditEvent.count({ where: { action: "person.added", entityId: user.id } })).toBe(1);
  });

  it("refuses a duplicate address, an unknown organization and a person with no place, adding nothing", async () => {
    const before = await db.user.count();
    expect(await code(addPerson(db, { email: "new.rep@example.org", name: "Again", org: "nci" }, null))).toBe("CONFLICT");
    expect(await code(addPerson(db, { email: "x@example.org", name: "X", org: "who" }, null))).toBe("INVALID");
    expect(await code(addPerson(db, { email: "y@example.org", name: "Y" }, null))).toBe("INVALID");
    expect(await code(addPerson(db, { email: "not an address", name: "Z", org: "nci" }, null))).toBe("INVALID");
    expect(await db.user.count()).toBe(before);
  });

  it("deactivating ends every session and is audited once even when done twice at the same time", async () => {
    const user = await addPerson(db, { email: "leaving@example.org", name: "Leaving", org: "jcog" }, null);
    await db.session.create({ data: { sessionToken: "leaving-session", userId: user.id, expires: new Date(Date.now() + 60_000) } });
    const results = await Promise.allSettled([
      deactivatePerson(db, "leaving@example.org", "left JCOG", null),
      deactivatePerson(db, "leaving@example.org", "left JCOG", null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "person.deactivated", entityId: user.id } })).toBe(1);
    expect(await code(deactivatePerson(db, "leaving@example.org", "", null))).toBe("INVALID");
  });
});
