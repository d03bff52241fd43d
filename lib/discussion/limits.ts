// A comment's length, in characters: the server refuses more, the comment box counts while typing.
// A plain number, so the browser gets it without zod.
export const COMMENT_MAX = 10_000;
