// The back-test on IRCI's own record: GOG-0277 and InPACT as the seed holds them (published targets and
// accrual, domain.md), read through the trial page's query, and the monitor run month by month as it would
// have run then. The sources give only the total at the end (GOG-0277: 38 in 2016; InPACT: 114 in 2023, 82 from
// NCI and 32 from CRUK), so the reports in between are an ASSUMPTION: accrual linear from 0 at the start of
// accrual to the published count, each organization's on its own line, whole patients rounded down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/ops/seed";
import { MIN_MONTHS_OF_DATA, monitorTrial, type TrialMonitor, type TrialReport } from "@/lib/forecast/trial-monitor";
import { accrualWindow, monitorReports, monthsFrom } from "@/lib/trials/monitoring";
import { getTrial } from "@/lib/trials/queries";
import { makePerson } from "../support/fixtures";

async function monthByMonth(proposalId: string) {
  const secretariat = await makePerson(db, { secretariat: true });
  const { trial, proposal } = await getTrial(secretariat, proposalId);
  if (!trial) throw new Error(`No trial record for ${proposalId}`);
  const found = accrualWindow(trial);
  if ("missing" in found) throw new Error(`${proposalId} lacks ${found.missing.join(", ")}`);
  const { window } = found;
  const plannedEndMonths = monthsFrom(window.startMs, window.plannedEnd);
  const published = monitorReports(trial, window);
  const last = Math.max(...published.map((r) => r.month));
  const scopes = [...new Set(published.map((r) => r.organizationId))];
  // The assumed reports at every whole month up to the published count.
  // Months 1, 2, ... and the published report's own month last (it falls between whole months).
  const months = Array.from({ length: Math.floor(last) }, (_, i) => i + 1).concat(last > Math.floor(last) ? [last] : []);
  const assumed: TrialReport[] = [];
  for (const month of months) {
    for (const organizationId of scopes) {
      const end = published.find((r) => r.organizationId === organizationId && r.month === last)!;
      assumed.push({ organizationId, month, total: Math.floor((end.total * month) / end.month + 1e-9) });
    }
  }
  const participants = proposal.interests.map((i) => ({
    organizationId: i.organizationId,
    label: i.organization.shortName,
    patientsPerYear: i.expectedPatientsPerYear,
  }));
  const points: TrialMonitor[] = [];
  for (const month of months) {
    const point = monitorTrial({
      target: window.target,
      plannedEndMonths,
      participants,
      reports: assumed.filter((r) => r.month <= month),
      band: false,
      draws: 4000,
    })!;
    points.push(point);
  }
  const at = (month: number) => points[month - 1]!;
  return { window, plannedEndMonths, at, points, firstAtRisk: points.find((p) => p.atRisk)?.asOfMonth ?? null };
}

const figures = (name: string, r: Awaited<ReturnType<typeof monthByMonth>>) =>
  `${name}: ${[6, 12, 24]
    .map(
      (m) =>
        `month ${m}: P(target by planned end) ${r.at(m).probability.toFixed(4)}, ${r.at(m).recruited} recruited, median to target month ${r.at(m).medianMonthsToTarget.toFixed(0)}`,
    )
    .join("; ")}; first at risk: month ${r.firstAtRisk}`;

beforeAll(async () => {
  await seedDatabase(db, { demo: true });
});
afterAll(() => db.$disconnect());

describe("back-test on the seeded record", () => {
  it("flags GOG-0277 at risk within its first two years of accrual, four years before its closure", async () => {
    const r = await monthByMonth("irci-gog-0277");
    console.info(figures("GOG-0277", r));
    expect(r.window).toMatchObject({ start: "2012", plannedEnd: "2016", target: 216 });
    expect(r.plannedEndMonths).toBeCloseTo(48, 0);
    expect(r.at(1).mode).toBe("pooled"); // overall totals only
    expect(r.at(1).prior).toBe("plan"); // no pledges on record: judged against its plan, 54 a year
    expect(r.firstAtRisk).not.toBeNull();
    expect(r.firstAtRisk!).toBeLessThanOrEqual(24);
    expect(r.firstAtRisk).toBe(MIN_MONTHS_OF_DATA);
    for (const p of r.points.slice(MIN_MONTHS_OF_DATA - 1)) expect(p.atRisk).toBe(true);
    expect(r.at(24).probability).toBeLessThan(0.001);
    expect(r.at(24).projectedAtPlannedEnd.p50 / 216).toBeLessThan(0.25);
  });

  it("flags InPACT at risk of missing its 7-year target, projected at about two thirds of it: behind, not futile", async () => {
    const r = await monthByMonth("irci-inpact");
    console.info(figures("InPACT", r));
    expect(r.window).toMatchObject({ start: "2017", plannedEnd: "2024", target: 200 });
    expect(r.at(12).mode).toBe("organizations"); // NCI and CRUK report their own counts
    expect(r.at(12).organizations.map((o) => o.label)).toEqual(["CRUK", "NCI"]);
    expect(r.at(12).notReported).toEqual(["CCTG"]);
    expect(r.points.slice(0, MIN_MONTHS_OF_DATA - 1).some((p) => p.atRisk)).toBe(false);
    expect(r.firstAtRisk).not.toBeNull();
    for (const month of [12, 24, 48]) {
      expect(r.at(month).projectedAtPlannedEnd.p50 / 200).toBeGreaterThan(0.55);
      expect(r.at(month).medianMonthsToTarget).toBeGreaterThan(100);
      expect(r.at(month).medianMonthsToTarget).toBeLessThan(150);
    }
    const last = r.points.at(-1)!;
    expect(last.recruited).toBe(114);
    expect(last.projectedAtPlannedEnd.p50).toBeGreaterThanOrEqual(125);
    expect(last.projectedAtPlannedEnd.p50).toBeLessThanOrEqual(140);
  });
});
