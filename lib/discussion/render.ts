// Comment text: Markdown in, safe HTML out. Pure. Raw HTML is never passed through (it shows as
// text); the output keeps only links (http, https, mailto), lists, emphasis, paragraphs, quotes, code
// and mentions. Also the plain-text preview of a comment that notifications and mail show.
import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from "marked";
import sanitizeHtml from "sanitize-html";
import { MENTION_TOKEN_AT_START } from "./mentions";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// HTML typed into a comment is text, even tags the allowlist keeps (a raw <a> could pass as the
// portal's own link): Markdown is the only way to format.
/** The names of the people a text's tokens name, by id: only people who may be mentioned there. */
export type MentionNames = ReadonlyMap<string, string>;

interface MentionToken extends Tokens.Generic {
  type: "mention";
  label: string;
  userId: string;
  /** The person's current name, set before rendering; null when the id names nobody who may be mentioned. */
  name: string | null;
}

const mention: TokenizerAndRendererExtension = {
  name: "mention",
  level: "inline",
  start: (src) => {
    const at = src.indexOf("@[");
    return at < 0 ? undefined : at;
  },
  tokenizer: (src) => {
    const m = MENTION_TOKEN_AT_START.exec(src);
    return m ? { type: "mention", raw: m[0], label: m[1]!, userId: m[2]!, name: null } : undefined;
  },
  // A person the reader may see is shown by their name, styled; any other id, by the label as typed, as text.
  renderer: (token) => {
    const t = token as MentionToken;
    return t.name ? `<span class="mention">@${escapeHtml(t.name)}</span>` : escapeHtml(`@${t.label}`);
  },
};

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: { html: ({ text }) => escapeHtml(text) },
  extensions: [mention],
});

const ALLOWED = {
  allowedTags: ["p", "br", "a", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "span"],
  allowedAttributes: { a: ["href", "rel", "target"], span: ["class"] },
  allowedClasses: { span: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer", target: "_blank" }) },
};

function lex(body: string, names: MentionNames): Token[] {
  const tokens = markdown.lexer(body);
  markdown.walkTokens(tokens, (t) => {
    if (t.type === "mention") (t as MentionToken).name = names.get((t as MentionToken).userId) ?? null;
  });
  return tokens;
}

export function renderComment(body: string, names: MentionNames = new Map()): string {
  // Markdown first, on the text as typed (so "> " quotes and links with "&" work); then the HTML is
  // cut down to the allowlist, and any other tag someone typed is shown as text, not dropped.
  const html = markdown.parser(lex(body, names));
  return sanitizeHtml(html, { ...ALLOWED, disallowedTagsMode: "escape" });
}

/** How long a comment's preview in a notification or a mail may be, ellipsis included. */
export const PREVIEW_LENGTH = 200;

const BLOCKS = new Set(["paragraph", "heading", "code", "blockquote", "list_item", "space", "hr", "br", "table"]);

/** The words a reader sees, without Markdown: link texts, not addresses; mentions as names. */
function plainWords(tokens: Token[], out: string[]) {
  for (const t of tokens) {
    if (t.type === "mention") out.push(`@${(t as MentionToken).name ?? (t as MentionToken).label}`);
    else if (t.type === "list") for (const item of (t as Tokens.List).items) plainWords([item], out);
    else if (t.type === "table") {
      const table = t as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) plainWords([...cell.tokens, { type: "space", raw: " " }], out);
    } else if ("tokens" in t && Array.isArray(t.tokens)) plainWords(t.tokens, out);
    else if (t.type !== "space" && "text" in t && typeof t.text === "string") out.push(t.text);
    if (BLOCKS.has(t.type)) out.push(" ");
  }
}

/** Text cut to at most `max` characters at the end of a word, with an ellipsis when cut. */
export function cutOnWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  // One word longer than the preview (a bare address) is the only thing ever cut inside.
  const kept = /\s/.test(text[max - 1]!) || lastSpace <= 0 ? room : room.slice(0, lastSpace);
  return `${kept.replace(/[\uD800-\uDBFF]$/, "").replace(/[\s,;:]+$/, "")}…`;
}

/**
 * A comment as one line of plain text for notifications, mail and the dashboard: Markdown taken
 * away (a link shows its text), mentions shown as names, cut at the end of a word.
 */
export function commentPreview(body: string, names: MentionNames = new Map(), max = PREVIEW_LENGTH): string {
  const words: string[] = [];
  plainWords(lex(body, names), words);
  return cutOnWord(words.join("").replace(/\s+/g, " ").trim(), max);
}
