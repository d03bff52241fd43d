// Mentions in comment text. Pure: used by the server (who to notify, how to render) and by the
// comment box in the browser (what is being typed after "@", what to insert).
//
// A mention picked from the suggestions is a token bound to one person's id, `@[Jane Doe](user:ID)`:
// two people with the same name or the same address before the "@" can never both be reached by it.
// The label is what the author saw when picking; pages show the person's current name instead, so a
// label typed by hand cannot pass one person off as another.

/** A picked mention: `@[label](user:id)`. The id has the shape of every key in the portal. */
export const MENTION_TOKEN = /@\[([^[\]\n]{1,120})\]\(user:([A-Za-z0-9_-]{1,100})\)/g;
/** The same, anchored, for the Markdown tokenizer. */
export const MENTION_TOKEN_AT_START = new RegExp(`^${MENTION_TOKEN.source}`);

/** At most this many people are reached by one comment, however many it names. */
export const MENTIONS_PER_COMMENT = 20;

/** The token that names one person; brackets and line breaks in a name cannot end it early. */
export function mentionToken(person: { id: string; name: string }): string {
  const label =
    person.name
      .replace(/[[\]\n\r]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120) || "someone";
  return `@[${label}](user:${person.id})`;
}

/** The ids of the people a text names with tokens, once each, in order. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_TOKEN)].map((m) => m[2]!))].slice(0, MENTIONS_PER_COMMENT);
}

/**
 * Old-style handles, "@riley.placebo": the part of an address before its "@". They reach their person
 * only when exactly one person who may be mentioned has that handle (lib/discussion/people.ts);
 * tokens are left out, so a name inside one is never read as a handle.
 */
export function mentionedHandles(body: string): string[] {
  const text = body.replace(MENTION_TOKEN, " ");
  const found = text.matchAll(/(?:^|[^\w@.])@([a-z][a-z0-9._-]{1,60}[a-z0-9])/gi);
  return [...new Set([...found].map((m) => m[1]!.toLowerCase()))].slice(0, MENTIONS_PER_COMMENT);
}

/** The longest search typed after "@" that still asks for suggestions. */
export const MENTION_QUERY_MAX = 40;

/**
 * What is being typed after an "@" just before the caret, if anything: letters of a name (a space
 * between first and last name included) or of a handle. An "@" inside a word (an e-mail address)
 * or right after a picked token starts nothing.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - MENTION_QUERY_MAX - 2), caret);
  const match = /(?:^|[^\p{L}\p{N}_@.)\]])@((?:[\p{L}\p{M}'’._-]+ ?){0,3})$/u.exec(before);
  if (!match) return null;
  const query = match[1]!;
  if (query.length > MENTION_QUERY_MAX) return null;
  return { start: caret - query.length - 1, query };
}

/** The text with the mention being typed (from `start` to the caret) replaced by a token and a space. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: { id: string; name: string },
): { text: string; caret: number } {
  const token = `${mentionToken(person)} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + token + after, caret: start + token.length };
}
