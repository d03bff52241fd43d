import { describe, expect, it } from "vitest";
import { countAxis, monthTicks, scale, stepPath, timeDomain } from "./time-steps";

const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
const DAY = 86_400_000;
// A plot 0..100 across both spans below, 0..100 down, so the path's numbers read directly.
const x = scale(at("2020-01-01"), at("2020-01-11"), 0, 100);
const y = scale(0, 100, 100, 0);

describe("the time axis", () => {
  it("ticks the first of each month inside the span, labelled like the table's dates", () => {
    expect(monthTicks(at("2020-01-15"), at("2020-04-20"), 10)).toEqual([
      { at: at("2020-02-01"), label: "2020-02" },
      { at: at("2020-03-01"), label: "2020-03" },
      { at: at("2020-04-01"), label: "2020-04" },
    ]);
  });

  it("keeps a tick on a span's first instant", () => {
    expect(monthTicks(at("2020-02-01"), at("2020-03-01"), 10).map((t) => t.label)).toEqual(["2020-02", "2020-03"]);
  });

  it("thins long spans to quarters or years, aligned to January, never more than asked", () => {
    const three = monthTicks(at("2019-01-01"), at("2021-12-31"), 6);
    expect(three.map((t) => t.label)).toEqual(["2019-01", "2019-07", "2020-01", "2020-07", "2021-01", "2021-07"]);
    const years = monthTicks(at("2012-03-01"), at("2021-12-31"), 10);
    expect(years.map((t) => t.label)).toEqual([
      "2013-01",
      "2014-01",
      "2015-01",
      "2016-01",
      "2017-01",
      "2018-01",
      "2019-01",
      "2020-01",
      "2021-01",
    ]);
    expect(monthTicks(at("2020-01-15"), at("2020-12-20"), 3).length).toBeLessThanOrEqual(3);
  });

  it("labels a span within one month by its middle day", () => {
    expect(monthTicks(at("2020-01-02"), at("2020-01-30"), 5)).toEqual([{ at: at("2020-01-16"), label: "2020-01-16" }]);
  });

  it("opens a fortnight either side when every report falls on one moment", () => {
    const moment = at("2020-06-30");
    const [from, to] = timeDomain([moment, moment, moment]);
    expect([from, to]).toEqual([moment - 15 * DAY, moment + 15 * DAY]);
    expect(monthTicks(from, to, 5).map((t) => t.label)).toEqual(["2020-07"]);
    expect(timeDomain([at("2020-01-01"), at("2020-03-01")])).toEqual([at("2020-01-01"), at("2020-03-01")]);
  });
});

describe("the count axis", () => {
  it("reaches a tenth above the largest count, in whole-number ticks", () => {
    expect(countAxis([20, 115, 60], null)).toEqual({ top: 127, ticks: [0, 50, 100] });
    expect(countAxis([3], null)).toEqual({ top: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it("reaches above the target when it is above every count", () => {
    const axis = countAxis([40, 115], 152);
    expect(axis.top).toBe(168);
    expect(axis.top).toBeGreaterThan(152);
    expect(axis.ticks).toEqual([0, 50, 100, 150]);
  });

  it("still has an axis with no patients yet", () => {
    expect(countAxis([0, 0], null)).toEqual({ top: 2, ticks: [0, 1, 2] });
  });
});

describe("a series' steps", () => {
  it("holds each count across until the next report, then rises", () => {
    const points = [
      { at: at("2020-01-01"), total: 10 },
      { at: at("2020-01-05"), total: 30 },
      { at: at("2020-01-11"), total: 50 },
    ];
    expect(stepPath(points, at("2020-01-11"), x, y)).toBe("M0 90H40V70H100V50");
  });

  it("carries a series' last count on to the latest report of any series", () => {
    const overall = [
      { at: at("2020-01-01"), total: 10 },
      { at: at("2020-01-11"), total: 60 },
    ];
    const site = [
      { at: at("2020-01-01"), total: 5 },
      { at: at("2020-01-06"), total: 20 },
    ];
    const until = Math.max(...[...overall, ...site].map((p) => p.at));
    expect(stepPath(overall, until, x, y)).toBe("M0 90H100V40");
    expect(stepPath(site, until, x, y)).toBe("M0 95H50V80H100");
  });

  it("draws a lone report as a point, or a level line when others reported later", () => {
    const lone = [{ at: at("2020-01-11"), total: 25 }];
    expect(stepPath(lone, at("2020-01-11"), x, y)).toBe("M100 75");
    expect(stepPath([{ at: at("2020-01-01"), total: 25 }], at("2020-01-11"), x, y)).toBe("M0 75H100");
    expect(stepPath([], at("2020-01-11"), x, y)).toBe("");
  });

  it("goes down when a later report is lower (a confirmed drop)", () => {
    const points = [
      { at: at("2020-01-01"), total: 50 },
      { at: at("2020-01-06"), total: 40 },
    ];
    expect(stepPath(points, at("2020-01-06"), x, y)).toBe("M0 50H50V60");
  });
});
