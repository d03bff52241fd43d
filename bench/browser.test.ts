import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { browserMarkdown, BUDGET_KB, firstLoadSize, gzipBytes, median, summarise, type BrowserResults } from "./browser";

/** Text that compresses about as well as a minified bundle: repetitive, but not one repeated byte. */
const script = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `function f${i}(a){return a+${i % 97}}`).join(";"));

describe("first-load JavaScript", () => {
  it("counts a body's gzipped size at level 9, which a browser can inflate back", () => {
    const body = script(2000);
    expect(gzipBytes(body)).toBe(gzipSync(body, { level: 9 }).length);
    expect(gzipBytes(body)).toBeLessThan(body.length / 3);
    expect(gunzipSync(gzipSync(body, { level: 9 })).equals(body)).toBe(true);
  });

  it("sums the gzipped files in KB of 1,024 bytes, each URL once", () => {
    const a = script(3000);
    const b = script(1000);
    const expected = Math.round(((gzipBytes(a) + gzipBytes(b)) / 1024) * 10) / 10;
    const measured = firstLoadSize([
      { url: "http://x/_next/static/chunks/a.js", body: a },
      { url: "http://x/_next/static/chunks/b.js", body: b },
      // The same chunk asked for twice (a preload, then the script tag) is downloaded once.
      { url: "http://x/_next/static/chunks/a.js", body: a },
    ]);
    expect(measured).toEqual({ firstLoadKB: expected, files: 2 });
  });

  it("is zero for a page without scripts", () => {
    expect(firstLoadSize([])).toEqual({ firstLoadKB: 0, files: 0 });
  });
});

describe("medians and spreads", () => {
  it("takes the middle run, or the mean of the two middle ones", () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([400, 100, 300, 200])).toBe(250);
    expect(median([])).toBeNaN();
  });

  it("summarises the runs that gave a value, rounded to whole milliseconds", () => {
    expect(summarise([1200.4, 980.6, null, 1500.2])).toEqual({ median: 1200, spread: [981, 1500] });
    expect(summarise([null, null])).toBeNull();
    expect(summarise([])).toBeNull();
  });
});

describe("the browser section of the report", () => {
  const results: BrowserResults = {
    profile: "test profile",
    routes: [
      { route: "/dashboard", path: "/dashboard", firstLoadKB: 150.25, files: 9, budgetKB: BUDGET_KB },
      { route: "/portfolio", path: "/portfolio", firstLoadKB: 260, files: 14, budgetKB: BUDGET_KB },
    ],
    vitals: [
      {
        name: "dashboard",
        path: "/dashboard",
        runs: 5,
        lcpMs: 1800,
        lcpSpreadMs: [1700, 2100],
        inpMs: 64,
        inpSpreadMs: [48, 90],
        interaction: "opening the account menu",
      },
      {
        name: "trial page",
        path: "/proposals/t/trial",
        runs: 5,
        lcpMs: 4100,
        lcpSpreadMs: [3900, 4600],
        inpMs: null,
        inpSpreadMs: null,
        interaction: "none",
      },
      {
        name: "broken",
        path: "/broken",
        runs: 0,
        lcpMs: NaN,
        lcpSpreadMs: [NaN, NaN],
        inpMs: null,
        inpSpreadMs: null,
        interaction: "none",
      },
    ],
  };
  const md = browserMarkdown(results);
  const row = (start: string) => md.split("\n").find((l) => l.startsWith(start)) ?? "";

  it("states the profile and how many routes are over the budget", () => {
    expect(md).toMatch(/^## In the browser\n/);
    expect(md).toContain("Profile: test profile.");
    expect(md).toContain("Budget 200 KB: 1 route is over it.");
  });

  it("marks each route against the budget", () => {
    expect(row("| /dashboard |")).toBe("| /dashboard | /dashboard | 150.3 | 9 | ✓ 200 KB |");
    expect(row("| /portfolio |")).toBe("| /portfolio | /portfolio | 260.0 | 14 | ✗ 200 KB |");
  });

  it("rates LCP and INP by Google's thresholds, and shows no INP where nothing was measured", () => {
    expect(row("| dashboard |")).toBe(
      "| dashboard | /dashboard | 5 | 1800 [1700–2100] | ✓ good | 64 [48–90] | ✓ good | opening the account menu |",
    );
    expect(row("| trial page |")).toBe("| trial page | /proposals/t/trial | 5 | 4100 [3900–4600] | ✗ poor | – | – | none |");
    expect(row("| broken |")).toBe("| broken | /broken | 0 | – | – | – | – | none |");
  });
});
