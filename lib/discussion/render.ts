// Comment text: Markdown in, safe HTML out. Pure. Raw HTML is never passed through; the output keeps
// only links (http, https, mailto), lists, emphasis, paragraphs, quotes and code.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED = {
  allowedTags: ["p", "br", "a", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer", target: "_blank" }) },
};

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function renderComment(body: string): string {
  // Escaping first makes any HTML in the text show as text; Markdown then adds the formatting.
  const html = markdown.parse(escapeHtml(body)) as string;
  return sanitizeHtml(html, { ...ALLOWED, allowedAttributes: { a: ["href", "rel", "target"] } });
}

/** The handles mentioned in a text: "@riley.placebo" names the person whose address starts so. */
export function mentionedHandles(body: string): string[] {
  const found = body.matchAll(/(?:^|[^\w@.])@([a-z][a-z0-9._-]{1,60}[a-z0-9])/gi);
  return [...new Set([...found].map((m) => m[1]!.toLowerCase()))];
}
