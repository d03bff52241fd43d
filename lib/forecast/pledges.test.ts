import { describe, expect, it } from "vitest";
import { forecastFromPledges, formatChance, formatMonths, siteOpenings, SITE_OPENS_FROM, SITE_OPENS_UNTIL, type Pledge } from "./pledges";
import { forecast, priorFromPledge } from "./model";

const pledge = (
  organization: string,
  perYear: number | null,
  sites: number | null = 1,
  level: Pledge["level"] = "PARTICIPATE",
): Pledge => ({
  organization,
  level,
  expectedSites: sites,
  expectedPatientsPerYear: perYear,
});

describe("a proposal's forecast from its pledges", () => {
  it("says why there is none: no target, or no patients pledged by organizations taking part", () => {
    expect(forecastFromPledges({ target: null, pledges: [pledge("NCI", 20)] })).toMatchObject({
      ok: false,
      why: expect.stringMatching(/sample size/),
    });
    expect(
      forecastFromPledges({ target: 100, pledges: [pledge("NCI", null), pledge("CRUK", 30, 2, "INTERESTED"), pledge("JCOG", 0)] }),
    ).toMatchObject({
      ok: false,
      why: expect.stringMatching(/pledged/),
    });
  });

  it("counts only organizations leading or taking part, discounts the pledges, and is the model's own answer", () => {
    const pledges = [pledge("NCI", 24, 4, "LEAD"), pledge("JCOG", 12, 2), pledge("CRUK", 50, 5, "INTERESTED")];
    const result = forecastFromPledges({ target: 120, pledges, discount: 0.5, warnYears: 5 });
    if (!result.ok) throw new Error(result.why);
    expect(result.forecast).toMatchObject({
      organizations: ["NCI", "JCOG"],
      fromFeasibility: [],
      pledgedPerYear: 36,
      expectedPerYear: 18,
      horizonMonths: 60,
    });
    const direct = forecast({
      target: 120,
      plannedEndMonths: 60,
      band: false,
      centres: [
        { label: "NCI", rate: priorFromPledge(24, { discount: 0.5 }), opens: siteOpenings(4) },
        { label: "JCOG", rate: priorFromPledge(12, { discount: 0.5 }), opens: siteOpenings(2) },
      ],
    });
    expect(result.forecast.medianMonths).toBe(direct.medianMonths);
    expect(result.forecast.probabilityByHorizon).toBe(direct.probabilityByPlannedEnd);
    // 18 a year once open, opening over months 12 to 24: 120 patients take roughly 7 to 8 years.
    expect(result.forecast.medianMonths / 12).toBeGreaterThan(6);
    expect(result.forecast.medianMonths / 12).toBeLessThan(10);
    expect(result.forecast.interval80.low).toBeLessThan(result.forecast.medianMonths);
    expect(result.forecast.interval80.high).toBeGreaterThan(result.forecast.medianMonths);
  });

  it("gives the chance by the planned end of accrual: the first site's opening plus the planned period", () => {
    const pledges = [pledge("NCI", 24, 4, "LEAD"), pledge("JCOG", 12, 2)];
    const withPlan = forecastFromPledges({ target: 120, pledges, plannedAccrualMonths: 48 });
    const withoutPlan = forecastFromPledges({ target: 120, pledges, warnYears: 5 });
    if (!withPlan.ok || !withoutPlan.ok) throw new Error("no forecast");
    expect(withPlan.forecast).toMatchObject({
      plannedAccrualMonths: 48,
      firstSiteOpensMonths: SITE_OPENS_FROM,
      horizonMonths: SITE_OPENS_FROM + 48,
    });
    expect(withoutPlan.forecast).toMatchObject({ plannedAccrualMonths: null, horizonMonths: 60 });
    // The median does not depend on the plan; the chance does, and a longer plan is likelier to be met.
    expect(withPlan.forecast.medianMonths).toBe(withoutPlan.forecast.medianMonths);
    const longer = forecastFromPledges({ target: 120, pledges, plannedAccrualMonths: 96 });
    if (!longer.ok) throw new Error(longer.why);
    expect(longer.forecast.probabilityByHorizon).toBeGreaterThan(withPlan.forecast.probabilityByHorizon);
    const direct = forecast({
      target: 120,
      plannedEndMonths: SITE_OPENS_FROM + 96,
      band: false,
      centres: [
        { label: "NCI", rate: priorFromPledge(24), opens: siteOpenings(4) },
        { label: "JCOG", rate: priorFromPledge(12), opens: siteOpenings(2) },
      ],
    });
    expect(longer.forecast.probabilityByHorizon).toBe(direct.probabilityByPlannedEnd);
  });

  it("reaches the target sooner with more pledged, and is the same for the same pledges (seeded)", () => {
    const slow = forecastFromPledges({ target: 100, pledges: [pledge("NCI", 20, 2, "LEAD"), pledge("JCOG", 10)] });
    const fast = forecastFromPledges({ target: 100, pledges: [pledge("NCI", 40, 2, "LEAD"), pledge("JCOG", 20)] });
    if (!slow.ok || !fast.ok) throw new Error("no forecast");
    expect(fast.forecast.medianMonths).toBeLessThan(slow.forecast.medianMonths);
    expect(fast.forecast.probabilityByHorizon).toBeGreaterThan(slow.forecast.probabilityByHorizon);
    expect(forecastFromPledges({ target: 100, pledges: [pledge("NCI", 20, 2, "LEAD"), pledge("JCOG", 10)] })).toEqual(slow);
  });

  it("counts an organization with feasibility sites site by site: each its own centre, opening when it says", () => {
    const sites = [
      { expectedPerYear: 6, monthsToActivation: 9 },
      { expectedPerYear: 2.5, monthsToActivation: 18 },
      { expectedPerYear: 0, monthsToActivation: 6 }, // expects no one: no centre
    ];
    // The organization's own figures are ignored once it has sites: the sites are its pledge.
    const pledges: Pledge[] = [pledge("NCI", 24, 4, "LEAD"), { ...pledge("JCOG", 99, 99), sites }];
    const result = forecastFromPledges({ target: 120, pledges, discount: 0.5, warnYears: 5 });
    if (!result.ok) throw new Error(result.why);
    expect(result.forecast).toMatchObject({ organizations: ["NCI", "JCOG"], fromFeasibility: ["JCOG"], pledgedPerYear: 32.5 });
    // The planned end counts from the first site to open: JCOG's at 9 months, before NCI's assumed 12.
    const planned = forecastFromPledges({ target: 120, pledges, discount: 0.5, plannedAccrualMonths: 36 });
    expect(planned.ok && planned.forecast).toMatchObject({ firstSiteOpensMonths: 9, horizonMonths: 45 });
    const direct = forecast({
      target: 120,
      plannedEndMonths: 60,
      band: false,
      centres: [
        { label: "NCI", rate: priorFromPledge(24, { discount: 0.5 }), opens: siteOpenings(4) },
        { label: "JCOG", rate: priorFromPledge(6, { discount: 0.5 }), opens: 9 },
        { label: "JCOG", rate: priorFromPledge(2.5, { discount: 0.5 }), opens: 18 },
      ],
    });
    expect(result.forecast.medianMonths).toBe(direct.medianMonths);
    expect(result.forecast.probabilityByHorizon).toBe(direct.probabilityByPlannedEnd);
  });

  it("is sooner when the same sites open sooner, and counts sites only for organizations taking part", () => {
    const at = (months: number): Pledge => ({
      ...pledge("JCOG", null, null),
      sites: [
        { expectedPerYear: 10, monthsToActivation: months },
        { expectedPerYear: 5, monthsToActivation: months },
      ],
    });
    const early = forecastFromPledges({ target: 60, pledges: [at(3)] });
    const late = forecastFromPledges({ target: 60, pledges: [at(30)] });
    if (!early.ok || !late.ok) throw new Error("no forecast");
    expect(early.forecast.pledgedPerYear).toBe(15);
    expect(late.forecast.medianMonths - early.forecast.medianMonths).toBeCloseTo(27, 0);
    const interested = forecastFromPledges({ target: 60, pledges: [{ ...at(3), level: "INTERESTED" }] });
    expect(interested.ok).toBe(false);
    const none = forecastFromPledges({
      target: 60,
      pledges: [{ ...pledge("JCOG", null), sites: [{ expectedPerYear: 0, monthsToActivation: 3 }] }],
    });
    expect(none.ok).toBe(false);
  });

  it("opens an organization's sites one after another over the assumed window", () => {
    expect(siteOpenings(1)).toEqual([SITE_OPENS_FROM]);
    expect(siteOpenings(3)).toEqual([SITE_OPENS_FROM, (SITE_OPENS_FROM + SITE_OPENS_UNTIL) / 2, SITE_OPENS_UNTIL]);
    expect(siteOpenings(0)).toEqual([SITE_OPENS_FROM]);
  });

  it("writes durations as people read them", () => {
    expect(formatMonths(7.4)).toBe("7 months");
    expect(formatMonths(30)).toBe("2.5 years");
    expect(formatMonths(Infinity)).toBe("more than 10 years");
    expect(formatMonths(150)).toBe("more than 10 years");
    expect([0, 0.00125, 0.345, 0.995, 1].map(formatChance)).toEqual(["0%", "under 1%", "35%", "over 99%", "100%"]);
  });
});
