// Comment text: Markdown in, safe HTML out. Pure. Raw HTML is never passed through (it shows as
// text); the output keeps only links (http, https, mailto), lists, emphasis, paragraphs, quotes and code.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// HTML typed into a comment is text, even tags the allowlist keeps (a raw <a> could pass as the
// portal's own link): Markdown is the only way to format.
const markdown = new Marked({ gfm: true, breaks: true, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

const ALLOWED = {
  allowedTags: ["p", "br", "a", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer", target: "_blank" }) },
};

export function renderComment(body: string): string {
  // Markdown first, on the text as typed (so "> " quotes and links with "&" work); then the HTML is
  // cut down to the allowlist, and any other tag someone typed is shown as text, not dropped.
  const html = markdown.parse(body) as string;
  return sanitizeHtml(html, { ...ALLOWED, allowedAttributes: { a: ["href", "rel", "target"] }, disallowedTagsMode: "escape" });
}

/** The handles mentioned in a text: "@riley.placebo" names the person whose address starts so. */
export function mentionedHandles(body: string): string[] {
  const found = body.matchAll(/(?:^|[^\w@.])@([a-z][a-z0-9._-]{1,60}[a-z0-9])/gi);
  return [...new Set([...found].map((m) => m[1]!.toLowerCase()))];
}
