// Reference data (the eight organizations, the named focus cancers) and obviously fictional demo
// people. Idempotent: every row is upserted on its natural key, so running it twice changes nothing.
import reference from "@/prisma/data/irci-reference.json";
import type { PrismaClient } from "@/lib/prisma-client";
import { DEMO_PEOPLE, GROUP_ROSTERS, GROUP_STATUS } from "./demo-people";
import { seedProposals } from "./proposals";
import { seedTrials } from "./trials";
import { seedDecisions } from "./decisions";
import { seedStartup } from "./startup";
import { seedDocuments } from "./documents";
import { seedComponentStudies } from "./component-studies";

export const DEMO_INCIDENCE_SOURCE = "Illustrative demo value from the IRCI reference data (not a sourced figure)";

export interface SeedSummary {
  organizations: number;
  groups: number;
  people: number;
  proposals: number;
}

export async function seedReferenceData(db: PrismaClient): Promise<Pick<SeedSummary, "organizations" | "groups">> {
  for (const org of reference.organizations) {
    const data = {
      shortName: org.shortName,
      name: org.name,
      country: org.country,
      timeZone: org.timeZone,
      founding: org.founding,
    };
    await db.organization.upsert({ where: { slug: org.slug }, create: { slug: org.slug, ...data }, update: data });
  }
  for (const cancer of reference.expertGroupCancers.items) {
    const names = { name: `${cancer.name} expert group`, cancer: cancer.name };
    const incidence = {
      incidencePer100k: cancer.demoOnly.incidencePer100k,
      incidenceSource: DEMO_INCIDENCE_SOURCE,
      incidenceIsDemo: true,
    };
    await db.expertGroup.upsert({
      where: { slug: cancer.slug },
      create: { slug: cancer.slug, status: GROUP_STATUS[cancer.slug] ?? "PROPOSED", ...names, ...incidence },
      // Status is the group's own business once it exists; reseeding does not reset it.
      update: names,
    });
    // Nor an incidence its chairs or the secretariat corrected: only a demo value is refreshed.
    await db.expertGroup.updateMany({ where: { slug: cancer.slug, incidenceIsDemo: true }, data: incidence });
  }
  return { organizations: reference.organizations.length, groups: reference.expertGroupCancers.items.length };
}

export async function seedDemoPeople(db: PrismaClient): Promise<number> {
  const orgs = new Map((await db.organization.findMany()).map((o) => [o.slug, o.id]));
  for (const person of DEMO_PEOPLE) {
    const user = await db.user.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, secretariat: person.secretariat ?? false, demo: true },
      update: { name: person.name, secretariat: person.secretariat ?? false, demo: true },
    });
    if (person.org) {
      const organizationId = orgs.get(person.org);
      if (!organizationId) throw new Error(`Seed: unknown organization ${person.org}`);
      await db.membership.upsert({
        where: { userId: user.id },
        create: { userId: user.id, organizationId, role: person.role ?? "MEMBER" },
        update: { organizationId, role: person.role ?? "MEMBER" },
      });
    }
  }
  const users = new Map((await db.user.findMany({ where: { demo: true }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  const groups = new Map((await db.expertGroup.findMany({ select: { id: true, slug: true } })).map((g) => [g.slug, g.id]));
  for (const [slug, roster] of Object.entries(GROUP_ROSTERS)) {
    const groupId = groups.get(slug);
    if (!groupId) throw new Error(`Seed: unknown expert group ${slug}`);
    for (const [email, role] of roster) {
      const userId = users.get(email);
      if (!userId) throw new Error(`Seed: unknown demo person ${email}`);
      await db.groupMember.upsert({
        where: { groupId_userId: { groupId, userId } },
        create: { groupId, userId, role },
        update: { role },
      });
    }
  }
  return DEMO_PEOPLE.length;
}

export async function seedDatabase(db: PrismaClient, options: { demo: boolean }): Promise<SeedSummary> {
  const reference = await seedReferenceData(db);
  const people = options.demo ? await seedDemoPeople(db) : 0;
  const proposals = await seedProposals(db, options);
  await seedTrials(db);
  await seedComponentStudies(db);
  await seedDecisions(db);
  await seedStartup(db);
  // Demo files only: a production seed (--reference-only) adds no document to the real trials.
  if (options.demo) await seedDocuments(db);
  return { ...reference, people, proposals };
}
