// The person's own time zone: one rule for every screen and mail (own zone, else the organization's office, else UTC).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { emailSettings } from "@/lib/mail/settings";
import { setOwnTimeZone } from "@/lib/people/time-zone";
import { makePerson, refusal } from "../support/fixtures";
import { portalAdapter } from "@/lib/auth/adapter";
import type { PortalUser } from "@/lib/auth/adapter";

let jcogMember: Actor;
let secretariat: Actor;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  jcogMember = await makePerson(db, { org: "jcog", role: "MEMBER" });
  secretariat = await makePerson(db, { secretariat: true });
});
afterAll(() => db.$disconnect());

async function sessionZone(actor: Actor): Promise<string> {
  const adapter = portalAdapter(db);
  const user = (await adapter.getUser!(actor.userId)) as PortalUser;
  return user.timeZone;
}

describe("a person's own time zone", () => {
  it("defaults to the organization's office, and UTC for the secretariat", async () => {
    expect(await sessionZone(jcogMember)).toBe("Asia/Tokyo");
    expect(await sessionZone(secretariat)).toBe("UTC");
    expect((await emailSettings(jcogMember)).timeZone).toBe("Asia/Tokyo");
  });

  it("once chosen, applies to the session (every page) and to email, audited; empty goes back", async () => {
    expect(await setOwnTimeZone(secretariat, "europe/brussels")).toBe(true); // stored by its canonical name
    expect(await sessionZone(secretariat)).toBe("Europe/Brussels");
    expect((await emailSettings(secretariat)).timeZone).toBe("Europe/Brussels");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "person.time_zone_set", actorId: secretariat.userId } });
    expect(event.data).toEqual({ from: null, to: "Europe/Brussels" });
    expect(await setOwnTimeZone(secretariat, "Europe/Brussels")).toBe(false); // nothing changed, nothing audited
    expect(await db.auditEvent.count({ where: { action: "person.time_zone_set", actorId: secretariat.userId } })).toBe(1);
    await setOwnTimeZone(secretariat, "");
    expect(await sessionZone(secretariat)).toBe("UTC");
  });

  it("refuses a zone that does not exist on the field, and anyone signed out", async () => {
    expect((await refusal(setOwnTimeZone(jcogMember, "Mars/Olympus_Mons"))).fields).toMatchObject({ timeZone: /Choose a time zone/ });
    expect((await refusal(setOwnTimeZone(jcogMember, "x".repeat(500)))).fields).toMatchObject({ timeZone: /Choose a time zone/ });
    expect((await refusal(setOwnTimeZone(null, "Asia/Tokyo"))).code).toBe("UNAUTHENTICATED");
    expect(await sessionZone(jcogMember)).toBe("Asia/Tokyo");
  });
});
