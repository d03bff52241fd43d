// Who hears about what happens to a proposal. Pure: the rules in one place, table-tested.

export type ProposalHappening =
  | { kind: "comment"; commentAuthor: string; mentioned: readonly string[]; repliedTo: string | null }
  | { kind: "status"; newStatus: string }
  | { kind: "interest.asked" };

export interface Audience {
  actor: string | null;
  authors: readonly string[];
  followers: readonly string[];
  /** Representatives of every organization. */
  representatives: readonly string[];
  /** The lead organization's representatives. */
  leadRepresentatives: readonly string[];
}

/**
 * Recipients, each once, never the person who acted. Mentions and replies are told by their own
 * notifications, so a comment's general notice skips them.
 */
export function recipients(happening: ProposalHappening, audience: Audience): string[] {
  let people: readonly string[];
  let skip: readonly string[] = [];
  switch (happening.kind) {
    case "comment":
      people = [...audience.authors, ...audience.followers];
      skip = [...happening.mentioned, ...(happening.repliedTo ? [happening.repliedTo] : []), happening.commentAuthor];
      break;
    case "status":
      people = [...audience.authors, ...audience.followers, ...audience.leadRepresentatives];
      break;
    case "interest.asked":
      people = audience.representatives;
      break;
  }
  const unique = new Set(people);
  for (const s of [...skip, audience.actor]) if (s) unique.delete(s);
  return [...unique];
}
