import { describe, expect, it } from "vitest";
import { mentionedHandles } from "./mentions";
import { commentPreview, cutOnWord, renderComment } from "./render";

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

  it("shows a picked mention as its person's current name, styled, and never as a link", () => {
    const names = new Map([["cm1jane", "Jane Doe"]]);
    const html = renderComment("Could @[J. Doe](user:cm1jane) look?", names);
    expect(html).toBe('<p>Could <span class="mention">@Jane Doe</span> look?</p>\n');
    expect(html).not.toContain("user:");
  });

  it("shows a token naming nobody who may be mentioned as the text typed, unstyled", () => {
    expect(renderComment("Ask @[The Secretariat](user:cm1ghost)")).toBe("<p>Ask @The Secretariat</p>\n");
    // A label cannot smuggle markup, and a span typed by hand is text.
    expect(renderComment("@[<img src=x>](user:cm1ghost)")).toContain("@&lt;img src=x&gt;");
    expect(renderComment('<span class="mention">@Jane</span>')).toContain("&lt;span");
  });

  it("escapes a person's name", () => {
    expect(renderComment("@[x](user:cm1)", new Map([["cm1", "A <b> & B"]]))).toContain('<span class="mention">@A &lt;b&gt; &amp; B</span>');
  });
});

describe("comment previews", () => {
  it("take the Markdown away: link texts, not addresses; no asterisks; lists and quotes as words", () => {
    expect(
      commentPreview(
        "See **the protocol** and *notes* in [the registry](https://clinicaltrials.gov/study/NCT01533207):\n\n- one\n- two\n\n> agreed & done",
      ),
    ).toBe("See the protocol and notes in the registry: one two agreed & done");
    expect(commentPreview("Use `code` and\n```\nblock\n```")).toBe("Use code and block");
  });

  it("show mention tokens as names (the current name when known)", () => {
    expect(commentPreview("@[J. Doe](user:cm1jane) and @[Sam](user:cm1sam), see this", new Map([["cm1jane", "Jane Doe"]]))).toBe(
      "@Jane Doe and @Sam, see this",
    );
  });

  it("are cut at the end of a word with an ellipsis, never inside a link", () => {
    const body = `${"word ".repeat(36)}[the full protocol on ClinicalTrials.gov](https://clinicaltrials.gov/study/NCT01533207) thanks`;
    const preview = commentPreview(body);
    expect(preview.length).toBeLessThanOrEqual(200);
    expect(preview).toMatch(/ (the|full|protocol|on|ClinicalTrials\.gov)…$/);
    expect(preview).not.toContain("](");
    expect(preview).not.toContain("https://");
    expect(commentPreview("short **one**")).toBe("short one");
  });

  it("cut inside a word only when one word is longer than the whole preview", () => {
    expect(cutOnWord("abcdefghij", 5)).toBe("abcd…");
    expect(cutOnWord("one two three", 9)).toBe("one two…");
    expect(cutOnWord("one two, three", 10)).toBe("one two…");
    expect(cutOnWord("one two three", 8)).toBe("one two…");
    expect(cutOnWord("one two", 7)).toBe("one two");
  });
});
