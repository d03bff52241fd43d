import { describe, expect, it } from "vitest";
import { mentionedHandles, renderComment } from "./render";

describe("comment rendering", () => {
  it("keeps links, lists and emphasis", () => {
    const html = renderComment(
      "See **the protocol** and *notes*:\n\n- one\n- two\n\n[ClinicalTrials.gov](https://clinicaltrials.gov/study/NCT01533207)",
    );
    expect(html).toContain("<strong>the protocol</strong>");
    expect(html).toContain("<em>notes</em>");
    expect(html).toContain("<ul>\n<li>one</li>");
    expect(html).toContain(
      '<a href="https://clinicaltrials.gov/study/NCT01533207" rel="nofollow noopener noreferrer" target="_blank">ClinicalTrials.gov</a>',
    );
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="https://evil.example" onclick="x()">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
  ])("never lets %j through as markup", (input) => {
    const html = renderComment(input);
    expect(html).not.toMatch(/<(script|img|iframe)/i);
    expect(html).not.toMatch(/<[a-z]+[^>]*\son\w+=/i); // no event handler attribute on any element
    expect(html).not.toMatch(/href="(javascript|data):/i);
  });

  it("shows HTML typed in a comment as text", () => {
    expect(renderComment("a <b>bold</b> claim")).toContain("a &lt;b&gt;bold&lt;/b&gt; claim");
  });

  it("renders quotes and keeps a pasted registry link with & whole", () => {
    expect(renderComment("> EORTC agrees\n\nfine")).toContain("<blockquote>\n<p>EORTC agrees</p>\n</blockquote>");
    const link = "https://clinicaltrials.gov/search?cond=thymoma&term=NCT01533207";
    const html = renderComment(`See ${link}`);
    expect(html).toContain('href="https://clinicaltrials.gov/search?cond=thymoma&amp;term=NCT01533207"');
    expect(html).not.toContain("&amp;amp;");
  });

  it("shows raw HTML as text even where the tag is allowed (a link or a quote typed as HTML)", () => {
    const html = renderComment('<a href="https://evil.example">Open the IRCI ballot</a> and <blockquote>quoted</blockquote>');
    expect(html).not.toMatch(/<a\s/);
    expect(html).not.toContain("<blockquote>");
    expect(html).toContain("&lt;a href=");
  });

  it("keeps comparisons and ampersands typed as text", () => {
    expect(renderComment("PFS < 6 months & OS > 12")).toBe("<p>PFS &lt; 6 months &amp; OS &gt; 12</p>\n");
  });

  it("finds mentions, once each, and not e-mail addresses", () => {
    expect(mentionedHandles("@riley.placebo and @Robin.Crossover, also @riley.placebo. Mail jo@example.org")).toEqual([
      "riley.placebo",
      "robin.crossover",
    ]);
  });
});
