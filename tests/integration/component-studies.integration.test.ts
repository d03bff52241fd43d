// Component studies: the trial's keepers add, edit and remove them (each change audited in its transaction),
// everyone else is refused and nothing is written; names are unique within a trial (settled by the database);
// a registry id belongs to a study; the representative of a study's lead organization reports its accrual, and
// the page's roll-up adds the studies' latest reports without counting a whole-trial report twice. The seed
// shows BALLAD's studies with the trial's ids attached to the study each registers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import type { Actor } from "@/lib/authz/policy";
import { createComponentStudy, removeComponentStudy, updateComponentStudy } from "@/lib/trials/component-studies";
import { addRegistryId, attachRegistryId, recordAccrual } from "@/lib/trials/mutations";
import { getTrial } from "@/lib/trials/queries";
import { portfolio } from "@/lib/portfolio/queries";
import { actorFor, makePerson, refusal } from "../support/fixtures";

let chair: Actor;
let nciRep: Actor;
let jcogRep: Actor;
let jcogDeputy: Actor;
let jcogMember: Actor;
let eortcRep: Actor;
let outsider: Actor;
let jcogId: string;

const study = (overrides: Record<string, string> = {}) => ({
  name: "J-BALLAD (JCOG1502C)",
  shortName: "J-BALLAD",
  sponsor: "Japan Clinical Oncology Group (JCOG)",
  leadOrganizationId: jcogId,
  countries: "Japan",
  targetAccrual: "150",
  overallStatus: "RECRUITING",
  startDate: "2017-05",
  plannedAccrualEnd: "2027-05",
  source: "",
  ...overrides,
});

/** A trial led by NCI with EORTC taking part (JCOG does not: it leads a national study only). */
async function trial() {
  const group = await db.expertGroup.findUniqueOrThrow({ where: { slug: "uterine-sarcoma" } });
  const [nci, eortc] = await Promise.all(
    ["nci", "eortc"].map((slug) => db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })),
  );
  const proposal = await db.proposal.create({
    data: {
      groupId: group.id,
      leadOrganizationId: nci!.id,
      status: "UNDERWAY",
      title: `Component study test ${randomUUID().slice(0, 8)}`,
      interests: {
        create: [
          { organizationId: nci!.id, level: "LEAD" },
          { organizationId: eortc!.id, level: "PARTICIPATE" },
        ],
      },
      trial: { create: { phases: ["PHASE3"] } },
    },
    select: { id: true, trial: { select: { id: true } } },
  });
  return { proposalId: proposal.id, trialId: proposal.trial!.id };
}

async function written(trialId: string, proposalId: string) {
  const [studies, ids, accrual, audits] = await Promise.all([
    db.componentStudy.findMany({ where: { trialId }, select: { name: true, version: true, targetAccrual: true } }),
    db.trialRegistryId.findMany({ where: { trialId }, select: { value: true, componentStudyId: true } }),
    db.accrualUpdate.count({ where: { trialId } }),
    db.auditEvent.count({ where: { entityId: proposalId } }),
  ]);
  return { studies, ids, accrual, audits };
}

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
  chair = await actorFor(db, "casey.cohort@nci.irci.example");
  nciRep = await actorFor(db, "riley.placebo@nci.irci.example");
  jcogRep = await actorFor(db, "haru.hazard@jcog.irci.example");
  eortcRep = await actorFor(db, "robin.crossover@eortc.irci.example");
  jcogDeputy = await makePerson(db, { org: "jcog", role: "DEPUTY" });
  jcogMember = await makePerson(db, { org: "jcog", role: "MEMBER" });
  outsider = await makePerson(db);
  jcogId = (await db.organization.findUniqueOrThrow({ where: { slug: "jcog" } })).id;
});
afterAll(() => db.$disconnect());

describe("adding and editing a study", () => {
  it("a keeper adds a study with its registry id: the study, the id and the audit event together", async () => {
    const t = await trial();
    const created = await createComponentStudy(nciRep, t.trialId, { ...study(), registry: "UMIN", registryValue: "umin 000 099 001" });
    expect(created).toMatchObject({
      name: "J-BALLAD (JCOG1502C)",
      countries: ["JP"],
      targetAccrual: 150,
      leadOrganizationId: jcogId,
      version: 1,
    });
    const id = await db.trialRegistryId.findFirstOrThrow({ where: { trialId: t.trialId } });
    expect(id).toMatchObject({ registry: "UMIN", value: "UMIN000099001", componentStudyId: created.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: t.proposalId, action: "trial.study_added" } });
    expect(event).toMatchObject({
      actorId: nciRep.userId,
      data: { name: "J-BALLAD (JCOG1502C)", registry: "UMIN", value: "UMIN000099001" },
    });

    // A chair edits it; the old and new values are audited; a stale form is refused and writes nothing.
    const edited = await updateComponentStudy(chair, t.trialId, created.id, {
      ...study({ targetAccrual: "160", countries: "JP, UK" }),
      version: "1",
    });
    expect(edited).toMatchObject({ targetAccrual: 160, countries: ["JP", "GB"], version: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: t.proposalId, action: "trial.study_updated" } });
    expect(audit.data).toMatchObject({ before: { targetAccrual: 150 }, after: { targetAccrual: 160 } });
    const before = await written(t.trialId, t.proposalId);
    const stale = await refusal(updateComponentStudy(chair, t.trialId, created.id, { ...study({ targetAccrual: "10" }), version: "1" }));
    expect(stale.fields?.name).toMatch(/Someone else changed this study/);
    expect(await written(t.trialId, t.proposalId)).toEqual(before);
  });

  it("refuses everyone who does not keep the record, and writes nothing", async () => {
    const t = await trial();
    const s = await createComponentStudy(nciRep, t.trialId, study());
    const before = await written(t.trialId, t.proposalId);
    // Another organization's representative (even the study's own lead: it reports accrual, it does not edit
    // the study), a member, someone of no organization.
    for (const actor of [eortcRep, jcogRep, jcogMember, outsider]) {
      expect((await refusal(createComponentStudy(actor, t.trialId, study({ name: "Another study" })))).code).toBe("FORBIDDEN");
      expect((await refusal(updateComponentStudy(actor, t.trialId, s.id, { ...study(), version: "1" }))).code).toBe("FORBIDDEN");
      expect((await refusal(removeComponentStudy(actor, t.trialId, s.id))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(createComponentStudy(null, t.trialId, study()))).code).toBe("UNAUTHENTICATED");
    expect(await written(t.trialId, t.proposalId)).toEqual(before);
  });

  it("refuses bad input on its field", async () => {
    const t = await trial();
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: "" }, "name", /Name the study/],
      [{ targetAccrual: "-3" }, "targetAccrual", /at least 1 patient/],
      [{ targetAccrual: "many" }, "targetAccrual", /whole number/],
      [{ countries: "Japan, Atlantis" }, "countries", /"Atlantis" is not a country/],
      [{ startDate: "2017-05", plannedAccrualEnd: "2016" }, "plannedAccrualEnd", /comes after the start/],
      [{ leadOrganizationId: "no-such-organization" }, "leadOrganizationId", /Choose an organization/],
    ];
    for (const [overrides, field, message] of cases) {
      const error = await refusal(createComponentStudy(nciRep, t.trialId, study(overrides)));
      expect(error.fields?.[field], JSON.stringify(overrides)).toMatch(message);
    }
    const badId = await refusal(createComponentStudy(nciRep, t.trialId, { ...study(), registry: "jRCT", registryValue: "JRCT-12" }));
    expect(badId.fields?.registryValue).toMatch(/is not a jRCT id: it looks like jRCT2031200001/);
    expect(await db.componentStudy.count({ where: { trialId: t.trialId } })).toBe(0);
  });

  it("a name is unique within its trial, also when two keepers add it at once", async () => {
    const t = await trial();
    const results = await Promise.allSettled([
      createComponentStudy(nciRep, t.trialId, study()),
      createComponentStudy(chair, t.trialId, study()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.fields?.name).toMatch(/already has a study of this name/);
    // Another trial may use the name.
    const other = await trial();
    await expect(createComponentStudy(nciRep, other.trialId, study())).resolves.toMatchObject({ name: "J-BALLAD (JCOG1502C)" });
    // Renaming onto a taken name is refused on the field too.
    const second = await createComponentStudy(nciRep, t.trialId, study({ name: "BALLAD Belgium" }));
    const error = await refusal(updateComponentStudy(nciRep, t.trialId, second.id, { ...study(), version: "1" }));
    expect(error.fields?.name).toMatch(/already has a study of this name/);
  });
});

describe("registry ids and accrual per study", () => {
  it("an id is added for a study or moved to one; removing the study gives it back to the whole trial", async () => {
    const t = await trial();
    const s = await createComponentStudy(nciRep, t.trialId, study());
    const added = await addRegistryId(nciRep, t.trialId, "jRCT", "jrct1031180099", s.id);
    expect(added).toMatchObject({ value: "jRCT1031180099", componentStudyId: s.id });
    const plain = await addRegistryId(nciRep, t.trialId, "NCT", "NCT09990001");
    expect(plain.componentStudyId).toBeNull();
    await attachRegistryId(chair, t.trialId, plain.id, s.id);
    expect((await db.trialRegistryId.findUniqueOrThrow({ where: { id: plain.id } })).componentStudyId).toBe(s.id);
    // A study of another trial is refused on the field.
    const other = await trial();
    const foreign = await createComponentStudy(nciRep, other.trialId, study());
    expect((await refusal(addRegistryId(nciRep, t.trialId, "NCT", "NCT09990002", foreign.id))).fields?.componentStudyId).toMatch(
      /Choose a study/,
    );
    expect((await refusal(attachRegistryId(eortcRep, t.trialId, plain.id, null))).code).toBe("FORBIDDEN");

    await removeComponentStudy(nciRep, t.trialId, s.id);
    const ids = await db.trialRegistryId.findMany({ where: { trialId: t.trialId }, select: { componentStudyId: true } });
    expect(ids).toEqual([{ componentStudyId: null }, { componentStudyId: null }]);
    expect(await db.auditEvent.count({ where: { entityId: t.proposalId, action: "trial.study_removed" } })).toBe(1);
  });

  it("the study's lead organization reports its accrual; others are refused; the umbrella rolls it up", async () => {
    const t = await trial();
    const jp = await createComponentStudy(nciRep, t.trialId, study());
    const be = await createComponentStudy(
      nciRep,
      t.trialId,
      study({ name: "BALLAD Belgium", shortName: "", leadOrganizationId: "", targetAccrual: "50", countries: "BE" }),
    );
    const report = (total: string, date: string, componentStudyId: string, extra: Record<string, string> = {}) => ({
      date,
      total,
      organizationId: "",
      country: "",
      componentStudyId,
      source: "Monthly report",
      ...extra,
    });
    // JCOG does not take part in the umbrella trial as an organization, yet reports for the study it leads.
    const byRep = await recordAccrual(jcogRep, t.trialId, report("30", "2019-05-01", jp.id));
    expect(byRep).toMatchObject({ componentStudyId: jp.id, organizationId: null, country: null, total: 30 });
    await recordAccrual(jcogDeputy, t.trialId, report("60", "2021-05-01", jp.id));
    // The form cannot widen the scope: an organization's representative names no organization for a study's report.
    const scoped = await recordAccrual(jcogRep, t.trialId, report("61", "2021-06-01", jp.id, { organizationId: jcogId }));
    expect(scoped.organizationId).toBeNull();
    const before = await written(t.trialId, t.proposalId);
    for (const actor of [eortcRep, jcogMember, outsider])
      expect((await refusal(recordAccrual(actor, t.trialId, report("70", "2021-07-01", jp.id)))).code).toBe("FORBIDDEN");
    expect((await refusal(recordAccrual(jcogRep, t.trialId, report("5", "2021-07-01", be.id)))).code).toBe("FORBIDDEN");
    // The lead's representative cannot report a drop (cumulative, within the study's own reports).
    expect((await refusal(recordAccrual(jcogRep, t.trialId, report("40", "2021-07-01", jp.id)))).fields?.total).toMatch(/cumulative/);
    // A keeper's study report counts the whole study: no organization or country with it.
    expect(
      (await refusal(recordAccrual(nciRep, t.trialId, report("5", "2021-07-01", be.id, { country: "BE" })))).fields?.componentStudyId,
    ).toMatch(/counts the whole study/);
    expect(await written(t.trialId, t.proposalId)).toEqual(before);
    await recordAccrual(nciRep, t.trialId, report("10", "2021-01-01", be.id));
    // An older whole-trial total of 50 and an organization's report: neither is added to the studies' 71.
    await recordAccrual(nciRep, t.trialId, report("50", "2020-01-01", ""));
    await recordAccrual(eortcRep, t.trialId, report("9", "2021-01-01", ""));

    const page = await getTrial(nciRep, t.proposalId);
    expect(page.studies!.rollup).toMatchObject({
      studiesAccrued: 71,
      trialAccrued: 50,
      accrued: 71,
      accruedFrom: "studies",
      target: 200,
      targetFrom: "studies",
    });
    expect(page.studies!.rollup.studies.find((s) => s.studyId === jp.id)).toMatchObject({ accrued: 61, asOf: "2021-06-01", percent: 41 });
    // The forecast on both levels: the study's own, and the umbrella's from the studies.
    expect(page.studies!.forecasts.get(jp.id)?.state).toBe("ready");
    expect(page.studies!.umbrella?.state).toBe("ready");
    // Who may report which study, as the page offers it.
    const asRep = await getTrial(jcogRep, t.proposalId);
    expect([...asRep.studies!.canReport]).toEqual([jp.id]);
    // A study with accrual reported stays.
    expect((await refusal(removeComponentStudy(nciRep, t.trialId, jp.id))).code).toBe("CONFLICT");
  });
});

describe("the seed", () => {
  it("shows BALLAD's studies with their sponsors, and the trial's ids attached to the study each registers", async () => {
    const ballad = await db.trial.findUniqueOrThrow({
      where: { proposalId: "irci-ballad" },
      select: { componentStudies: { include: { registryIds: true, leadOrganization: { select: { slug: true } } } } },
    });
    const byName = new Map(ballad.componentStudies.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(["BALLAD (UK-led international study)", "BALLAD Belgium", "J-BALLAD (JCOG1502C)"]);
    const uk = byName.get("BALLAD (UK-led international study)")!;
    expect(uk).toMatchObject({ sponsor: "NHS Greater Glasgow and Clyde", startDate: "2015-08", leadOrganization: { slug: "cruk" } });
    expect(uk.registryIds.map((r) => r.value).sort()).toEqual(["2013-003047-29", "ISRCTN15070952", "NCT02502370"]);
    const jp = byName.get("J-BALLAD (JCOG1502C)")!;
    expect(jp).toMatchObject({ shortName: "J-BALLAD", targetAccrual: 150, startDate: "2017-05", leadOrganization: { slug: "jcog" } });
    expect(jp.registryIds.map((r) => r.value)).toEqual(["UMIN000027280"]);
    expect(byName.get("BALLAD Belgium")!.registryIds.map((r) => r.value)).toEqual(["NCT04257461"]);
    // The public record gives no study's accrual: what the seed adds is demo data.
    const reports = await db.accrualUpdate.findMany({ where: { componentStudy: { trial: { proposalId: "irci-ballad" } } } });
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.demo && /Illustrative/.test(r.source))).toBe(true);
    // The portfolio shows BALLAD's roll-up: the studies' latest reports added up (the trial has no report of its own).
    const { accrual } = await portfolio(nciRep, { group: "small-bowel" });
    const studiesTotal = (
      await Promise.all(
        ballad.componentStudies.map((s) => db.accrualUpdate.findFirst({ where: { componentStudyId: s.id }, orderBy: { date: "desc" } })),
      )
    ).reduce((sum, r) => sum + (r?.total ?? 0), 0);
    expect(accrual.find((a) => a.proposalId === "irci-ballad")).toMatchObject({ actual: studiesTotal, target: null });
    // Reseeding adds nothing twice.
    await seedDatabase(db, { demo: true });
    expect(await db.componentStudy.count({ where: { trial: { proposalId: "irci-ballad" } } })).toBe(3);
    expect(await db.accrualUpdate.count({ where: { componentStudy: { trial: { proposalId: "irci-ballad" } } } })).toBe(reports.length);
    const interaact = await db.componentStudy.findMany({
      where: { trial: { proposalId: "irci-interaact" } },
      include: { registryIds: true },
    });
    expect(interaact.map((s) => [s.name, s.registryIds.map((r) => r.value)])).toEqual([["InterAACT Australia", ["ACTRN12616000061437"]]]);
  });
});
