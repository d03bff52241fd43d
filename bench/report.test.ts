import { describe, expect, it } from "vitest";
import { compare, DYNAMIC, growth, markdown, STATIC, type PageResult, type Results } from "./report";

const page = (name: string, rps: number, p50: number, extra: Partial<PageResult> = {}): PageResult => ({
  name,
  kind: "page",
  path: "/",
  requests: rps * 10,
  rps,
  p50,
  p99: p50 * 2,
  errors: 0,
  non2xx: 0,
  refused: 0,
  queries: 5,
  peakRssMB: 200,
  ...extra,
});

const results = (scales: Record<string, PageResult[]>): Results => ({
  startedAt: "2026-11-25T18:00:00.000Z",
  commit: "abc",
  label: null,
  settings: { connections: 10, seconds: 10, signedInAs: "riley" },
  machine: { cpus: "2 × test", memoryGB: 24, os: "Linux" },
  versions: { node: "v20", next: "16", react: "19", prisma: "7", database: "PostgreSQL 15" },
  scales: Object.fromEntries(Object.entries(scales).map(([k, pages]) => [k, { pages, data: {}, peakRss: 300 * 2 ** 20, loadSeconds: 1 }])),
});

describe("benchmark report", () => {
  it("growth is p50 at the largest scale over p50 at the smallest, matching the middle page by name", () => {
    const r = results({
      "1": [page("dashboard", 100, 40), page("proposals: middle page (1)", 100, 50)],
      "100": [page("dashboard", 80, 60), page("proposals: middle page (250)", 100, 55)],
    });
    expect(growth(r).get("dashboard")).toBeCloseTo(1.5);
    expect(growth(r).get("proposals: middle page")).toBeCloseTo(1.1);
  });

  it("flags a page whose share of the dynamic baseline fell by more than 10%, and no other", () => {
    const before = results({
      "100": [page(STATIC, 2000, 4), page(DYNAMIC, 200, 50), page("dashboard", 160, 60), page("portfolio dashboard", 100, 90)],
    });
    // The machine is half as fast: every page and the baseline halve, so nothing is worse in ratio terms.
    const slower = results({
      "100": [page(STATIC, 1000, 8), page(DYNAMIC, 100, 100), page("dashboard", 80, 120), page("portfolio dashboard", 50, 180)],
    });
    expect(compare(slower, before)).toEqual([]);
    // The dashboard alone got slower: flagged.
    const worse = results({
      "100": [page(STATIC, 2000, 4), page(DYNAMIC, 200, 50), page("dashboard", 120, 80), page("portfolio dashboard", 95, 90)],
    });
    expect(compare(worse, before)).toEqual([{ scale: "100", page: "dashboard", before: 0.8, now: 0.6 }]);
  });

  it("says which targets are met at the largest scale", () => {
    const r = results({
      "1": [page(STATIC, 2000, 4, { kind: "baseline" }), page(DYNAMIC, 200, 50, { kind: "baseline" }), page("dashboard", 180, 50)],
      "100": [
        page(STATIC, 2000, 4, { kind: "baseline" }),
        page(DYNAMIC, 200, 50, { kind: "baseline" }),
        page("dashboard", 120, 100, { queries: 9 }),
      ],
    });
    const md = markdown(r, null);
    expect(md).toContain("## Targets at 100x");
    expect(md).toContain("| dashboard | ✗ 0.60 | ✗ 200 | ✗ 2.00 | ✗ 9.0 |");
    expect(md).toContain("Server memory: ✓ 300 MB");
  });
});

describe("the computation in the page", () => {
  it("is reported with its budget, and a median over the budget is marked", () => {
    const r: Results = {
      ...results({ "1": [page(STATIC, 2000, 1), page(DYNAMIC, 500, 5)] }),
      computation: [
        { name: "proposal forecast", runs: 200, medianMs: 9.5, p95Ms: 14, maxMs: 30, budgetMs: 20 },
        { name: "trial monitor", runs: 200, medianMs: 25, p95Ms: 40, maxMs: 60, budgetMs: 20 },
      ],
    };
    const text = markdown(r, null);
    expect(text).toContain("## Computation in the page");
    expect(text).toMatch(/\| proposal forecast \| 9\.5 \| 14 \| 30 \| 200 \| ✓ 20 ms \|/);
    expect(text).toMatch(/\| trial monitor \| 25 \| 40 \| 60 \| 200 \| ✗ 20 ms \|/);
  });
});
