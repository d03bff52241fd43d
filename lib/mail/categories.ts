// Which notification kinds belong to which email setting, and each setting's default. Pure.

export type EmailMode = "IMMEDIATE" | "DIGEST" | "OFF";

export const EMAIL_MODES: readonly { mode: EmailMode; label: string }[] = [
  { mode: "IMMEDIATE", label: "At once" },
  { mode: "DIGEST", label: "Daily digest" },
  { mode: "OFF", label: "Off" },
];

export interface EmailCategory {
  id: string;
  label: string;
  kinds: readonly string[];
  /** Defaults keep mail few: what asks something of you comes at once, the rest in the digest. */
  default: EmailMode;
}

export const EMAIL_CATEGORIES = [
  {
    id: "mentions",
    label: "Someone mentions me or replies to my comment",
    kinds: ["comment.mention", "comment.reply"],
    default: "IMMEDIATE",
  },
  { id: "interest", label: "My organization is asked for its interest in a proposal", kinds: ["interest.asked"], default: "IMMEDIATE" },
  {
    id: "votes",
    label: "Votes open, close soon without my organization's ballot, or close",
    kinds: ["vote.opened", "vote.closing", "vote.closed"],
    default: "IMMEDIATE",
  },
  { id: "status", label: "A proposal I author or follow changes status", kinds: ["proposal.status"], default: "DIGEST" },
  { id: "comments", label: "New comments on proposals I author or follow", kinds: ["comment.new"], default: "DIGEST" },
] as const satisfies readonly EmailCategory[];

export type EmailCategoryId = (typeof EMAIL_CATEGORIES)[number]["id"];

const BY_KIND = new Map<string, EmailCategory>(EMAIL_CATEGORIES.flatMap((c) => c.kinds.map((k) => [k, c] as const)));
const BY_ID = new Map<string, EmailCategory>(EMAIL_CATEGORIES.map((c) => [c.id, c]));

/** A kind no category names (a new one someone forgot to list) is mailed at once rather than lost. */
export function categoryOfKind(kind: string): EmailCategory | undefined {
  return BY_KIND.get(kind);
}

export function emailCategory(id: string): EmailCategory | undefined {
  return BY_ID.get(id);
}

/** Every category with the mode a person's saved choices give it (its default where none). */
export function effectiveModes(saved: ReadonlyMap<string, EmailMode>) {
  return EMAIL_CATEGORIES.map((c) => ({
    id: c.id,
    label: c.label,
    default: c.default as EmailMode,
    mode: saved.get(c.id) ?? (c.default as EmailMode),
  }));
}

/** The mode a person's saved choices give for a notification kind. */
export function modeFor(kind: string, saved: ReadonlyMap<string, EmailMode>): EmailMode {
  const category = categoryOfKind(kind);
  if (!category) return "IMMEDIATE";
  return saved.get(category.id) ?? category.default;
}
