import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import type { Prisma } from "@/lib/prisma-client";
import { withoutControlCharacters } from "@/lib/validation";
import { MENTION_QUERY_MAX, mentionedHandles, mentionedIds } from "./mentions";
import type { MentionNames } from "./render";
import { assertThread, type ThreadType } from "./thread";

/**
 * Who may be mentioned, suggested, named in a rendered mention or notified by one: the people who
 * can see every discussion (proposals and groups alike), that is active members of an organization
 * and the secretariat. Anyone else is never suggested, named or told, whatever the text says.
 */
export const MENTIONABLE = { active: true, OR: [{ membership: { isNot: null } }, { secretariat: true }] } satisfies Prisma.UserWhereInput;
const MENTIONABLE_SQL = `u.active AND (u.secretariat OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id))`;

type Client = Prisma.TransactionClient | typeof db;

/** The current names of the people a text's tokens name, among those who may be mentioned. */
export async function mentionNames(client: Client, bodies: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(bodies.flatMap(mentionedIds))];
  if (ids.length === 0) return new Map();
  const people = await client.user.findMany({ where: { id: { in: ids }, ...MENTIONABLE }, select: { id: true, name: true } });
  return new Map(people.map((p) => [p.id, p.name ?? "someone"]));
}

/**
 * Whom a text mentions: every person its tokens name, and each old-style handle ("@jane.doe") that
 * belongs to exactly one person who may be mentioned. A handle two people share reaches neither
 * (it is returned as ambiguous, so the author can be told to pick the person instead).
 */
export async function resolveMentions(
  tx: Prisma.TransactionClient,
  body: string,
): Promise<{ people: string[]; names: MentionNames; ambiguous: string[] }> {
  const names = await mentionNames(tx, [body]);
  const handles = mentionedHandles(body);
  // Compared whole and exactly (never as a LIKE pattern, where "_" and "%" would match other people).
  const owners = handles.length
    ? await tx.$queryRawUnsafe<{ id: string; handle: string }[]>(
        `SELECT u.id, lower(split_part(u.email, '@', 1)) AS handle FROM "User" u
         WHERE lower(split_part(u.email, '@', 1)) = ANY($1::text[]) AND ${MENTIONABLE_SQL} LIMIT 100`,
        handles,
      )
    : [];
  const byHandle = Map.groupBy(owners, (o) => o.handle);
  const unique = [...byHandle.values()].filter((o) => o.length === 1).map((o) => o[0]!.id);
  const ambiguous = handles.filter((h) => (byHandle.get(h)?.length ?? 0) > 1);
  return { people: [...new Set([...names.keys(), ...unique])], names, ambiguous };
}

export const SUGGESTIONS_SHOWN = 8;

const ZQuery = z
  .string()
  .transform((q) => withoutControlCharacters(q).replace(/\s+/g, " ").trim())
  .pipe(z.string().max(MENTION_QUERY_MAX, `Type at most ${MENTION_QUERY_MAX} characters after the @.`));

export interface Suggestion {
  id: string;
  name: string;
  /** The person's organization (short name), or "Secretariat". */
  organization: string;
}

/**
 * People to mention in a discussion, for what was typed after "@": by the start of a word of their
 * name, the start of their address before its "@", or their organization's short name. Only for
 * someone who may write in that discussion, and only people who may be mentioned in it; at most eight.
 */
export async function suggestMentions(actor: Actor | null, type: ThreadType, threadId: string, raw: string): Promise<Suggestion[]> {
  const { reader } = await assertThread(actor, type, threadId);
  const parsed = ZQuery.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ q: parsed.error.issues[0]!.message });
  const query = parsed.data;
  if (!query) return [];
  // Typed text is matched literally: "%", "_" and "\" lose their LIKE meaning.
  const literal = query.replace(/[\\%_]/g, "\\$&");
  const rows = await db.$queryRawUnsafe<{ id: string; name: string | null; organization: string | null; secretariat: boolean }[]>(
    `SELECT u.id, u.name, o."shortName" AS organization, u.secretariat
       FROM "User" u
       LEFT JOIN "Membership" mb ON mb."userId" = u.id
       LEFT JOIN "Organization" o ON o.id = mb."organizationId"
      WHERE ${MENTIONABLE_SQL} AND u.id <> $1
        AND (u.name ILIKE $2 OR u.name ILIKE $3 OR split_part(u.email, '@', 1) ILIKE $2 OR o."shortName" ILIKE $2)
      ORDER BY (u.name ILIKE $2) DESC, u.name, u.id
      LIMIT ${SUGGESTIONS_SHOWN}`,
    reader.userId,
    `${literal}%`,
    `% ${literal}%`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name ?? "Unnamed person", organization: r.organization ?? "Secretariat" }));
}
