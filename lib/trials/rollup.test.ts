import { describe, expect, it } from "vitest";
import { latestReport, rollUp, type RollupReport } from "./rollup";
import { studyMonitor, umbrellaMonitor } from "./study-monitors";

const report = (date: string | null, total: number, scope: Partial<RollupReport> = {}): RollupReport => ({
  date,
  total,
  organizationId: null,
  country: null,
  componentStudyId: null,
  ...scope,
});
const uk = { id: "uk", targetAccrual: null };
const jp = { id: "jp", targetAccrual: 150 };
const be = { id: "be", targetAccrual: 50 };

describe("rolling component studies up to the umbrella", () => {
  it("adds each study's latest report, never an earlier one", () => {
    const r = rollUp(
      { targetAccrual: null },
      [jp, be],
      [
        report("2018", 10, { componentStudyId: "jp" }),
        report("2020-06", 60, { componentStudyId: "jp" }),
        report("2019", 5, { componentStudyId: "be" }),
      ],
    );
    expect(r.studies.map((s) => [s.studyId, s.accrued, s.asOf, s.percent])).toEqual([
      ["jp", 60, "2020-06", 40],
      ["be", 5, "2019", 10],
    ]);
    expect(r).toMatchObject({ studiesAccrued: 65, accrued: 65, accruedFrom: "studies", target: 200, targetFrom: "studies", percent: 33 });
  });

  it("never adds a whole-trial report to the studies' reports: the larger of the two counts", () => {
    const studies = [report("2020", 60, { componentStudyId: "jp" }), report("2020", 30, { componentStudyId: "be" })];
    // An old whole-trial total: the studies' newer reports say more.
    expect(rollUp({ targetAccrual: null }, [jp, be], [report("2018", 40), ...studies])).toMatchObject({
      trialAccrued: 40,
      studiesAccrued: 90,
      accrued: 90,
      accruedFrom: "studies",
    });
    // A whole-trial total above the studies' sum: it counts patients of a study that has not reported.
    expect(rollUp({ targetAccrual: null }, [jp, be, uk], [report("2021", 120), ...studies])).toMatchObject({
      trialAccrued: 120,
      studiesAccrued: 90,
      accrued: 120,
      accruedFrom: "trial",
    });
  });

  it("leaves reports for an organization or a country out: they count the studies' patients again", () => {
    const r = rollUp(
      { targetAccrual: 300 },
      [jp],
      [report("2020", 500, { organizationId: "jcog" }), report("2020", 400, { country: "JP" })],
    );
    expect(r).toMatchObject({ accrued: null, accruedFrom: null, trialAccrued: null, studiesAccrued: null });
  });

  it("takes the trial's own target when it has one, else the studies' targets added up when each has one", () => {
    expect(rollUp({ targetAccrual: 300 }, [jp, be], [])).toMatchObject({ target: 300, targetFrom: "trial", studiesTarget: 200 });
    // A sum leaving a study out would overstate the progress: no target until every study has one.
    expect(rollUp({ targetAccrual: null }, [jp, uk], [])).toMatchObject({
      target: null,
      targetFrom: null,
      studiesTarget: null,
      studiesWithoutTarget: 1,
    });
    expect(rollUp({ targetAccrual: null }, [uk], [])).toMatchObject({ target: null, targetFrom: null, percent: null });
  });

  it("reads partial dates at their end, and an undated total as older than any dated one", () => {
    expect(latestReport([report("2020-06-30", 1), report("2020-06", 2)])?.total).toBe(2);
    expect(latestReport([report("2020", 3), report(null, 9)])?.total).toBe(3);
    expect(latestReport([])).toBeNull();
  });
});

describe("the accrual forecast on both levels", () => {
  const study = {
    id: "jp",
    name: "J-BALLAD",
    shortName: "J-BALLAD",
    targetAccrual: 150,
    startDate: "2017-05",
    plannedAccrualEnd: "2027-05",
  };
  const accrual = [
    { date: "2019-05", total: 30, organizationId: null, country: null, componentStudyId: "jp" },
    { date: "2021-05", total: 60, organizationId: null, country: null, componentStudyId: "jp" },
    { date: "2021-05", total: 500, organizationId: "jcog", country: null, componentStudyId: null },
  ];

  it("forecasts a study from its own reports, target and window", () => {
    const result = studyMonitor(study, accrual, { band: false, draws: 500 });
    expect(result.state).toBe("ready");
    if (result.state !== "ready") return;
    expect(result.monitor.recruited).toBe(60);
    expect(result.monitor.target).toBe(150);
    expect(result.window.start).toBe("2017-05");
  });

  it("says what a study lacks before it can forecast", () => {
    expect(studyMonitor({ ...study, plannedAccrualEnd: null, targetAccrual: null }, accrual)).toEqual({
      state: "missing",
      missing: ["target", "plannedEnd"],
    });
  });

  it("combines the studies for the umbrella, each a centre, without an organization's report counted again", () => {
    const other = {
      ...study,
      id: "be",
      name: "Belgian study",
      shortName: null,
      targetAccrual: 50,
      startDate: "2020-01",
      plannedAccrualEnd: "2026-01",
    };
    const both = [...accrual, { date: "2021-01", total: 10, organizationId: null, country: null, componentStudyId: "be" }];
    const result = umbrellaMonitor({ targetAccrual: null, startDate: null, milestones: [], accrual: both }, [study, other], 200, {
      band: false,
      draws: 500,
    });
    expect(result?.state).toBe("ready");
    if (result?.state !== "ready") return;
    expect(result.monitor.mode).toBe("organizations");
    expect(result.monitor.recruited).toBe(70);
    expect(result.monitor.organizations.map((o) => o.label).sort()).toEqual(["Belgian study", "J-BALLAD"]);
    // The window spans the studies: the earliest start, the latest planned end.
    expect(result.window).toMatchObject({ start: "2017-05", plannedEnd: "2027-05", target: 200 });
  });

  it("has no combined forecast until a study reports", () => {
    expect(umbrellaMonitor({ targetAccrual: 100, startDate: "2015", milestones: [], accrual: [] }, [study], 100)).toBeNull();
  });
});
