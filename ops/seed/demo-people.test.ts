import { describe, expect, it } from "vitest";
import reference from "@/prisma/data/irci-reference.json";
import { DEMO_PEOPLE, GROUP_ROSTERS, GROUP_STATUS } from "./demo-people";

describe("demo people", () => {
  it("are unmistakably fictional: unique addresses on the reserved .example domain", () => {
    const emails = DEMO_PEOPLE.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z.]+@[a-z]+\.irci\.example$/);
  });

  it("cover every role: the secretariat, every organization's representative, members, chairs", () => {
    expect(DEMO_PEOPLE.some((p) => p.secretariat)).toBe(true);
    for (const org of reference.organizations) {
      expect(DEMO_PEOPLE.filter((p) => p.org === org.slug && p.role === "REPRESENTATIVE")).toHaveLength(1);
    }
    expect(new Set(DEMO_PEOPLE.filter((p) => p.role === "MEMBER").map((p) => p.org)).size).toBeGreaterThanOrEqual(4);
    expect(DEMO_PEOPLE.filter((p) => p.role === "DEPUTY").length).toBeGreaterThan(0);
    const chairs = Object.values(GROUP_ROSTERS)
      .flat()
      .filter(([, role]) => role === "CHAIR");
    expect(chairs.length).toBeGreaterThan(0);
  });

  it("rosters name existing groups and people, with members from several organizations", () => {
    const slugs = reference.expertGroupCancers.items.map((c) => c.slug);
    expect(Object.keys(GROUP_STATUS).sort()).toEqual([...slugs].sort());
    for (const [slug, roster] of Object.entries(GROUP_ROSTERS)) {
      expect(slugs).toContain(slug);
      const orgs = roster.map(([email]) => DEMO_PEOPLE.find((p) => p.email === email)?.org);
      expect(orgs).not.toContain(undefined);
      if (roster.length > 1) expect(new Set(orgs).size).toBeGreaterThan(1);
    }
  });
});
