import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDatabase } from "@/ops/seed";
import { createTestDatabase, migrate, type TestDatabase } from "@/scripts/lib/test-database";
import { BENCH_PERSON, BENCH_SESSION, BENCH_VOTE_PROPOSAL, BULK_TABLES, generateSize, rowsAdded } from "./generate";

// The generator drops and rebuilds indexes: it gets a database of its own, not the suite's.
let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase("benchgenerate", () => undefined);
  await migrate(database.url);
  const prisma = createPrismaClient(database.url, 2);
  await seedDatabase(prisma, { demo: true });
  await prisma.$disconnect();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const indexes = async () =>
  (
    await client.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1::text[]) ORDER BY indexname`,
      [BULK_TABLES],
    )
  ).rows.map((r) => r.indexdef);

describe("the benchmark's data generator", () => {
  it("adds the rows its arithmetic says, in batches, and leaves every index as the migrations made it", async () => {
    const before = await indexes();
    const size = { groups: 12, people: 30, proposals: 245 };
    const lines: string[] = [];
    await generateSize(database.url, size, (line) => lines.push(line), 100);
    // Three batches of at most 100 proposals, each logged.
    expect(lines.filter((l) => l.includes("comments:"))).toHaveLength(3);
    expect(await indexes()).toEqual(before);

    const count = async (table: string, where = `id LIKE 'bp%'`) =>
      Number((await client.query(`SELECT count(*) FROM "${table}" WHERE ${where}`)).rows[0].count);
    const expected = rowsAdded(size);
    expect(await count("ExpertGroup", `id LIKE 'bg%'`)).toBe(expected.groups);
    expect(await count("User", `id LIKE 'bu%'`)).toBe(expected.people);
    expect(await count("GroupMember", `id LIKE 'bgm%'`)).toBe(expected.groupMembers);
    expect(await count("Proposal")).toBe(expected.proposals);
    expect(await count("ProposalRevision")).toBe(expected.revisions);
    expect(await count("PartnerInterest")).toBe(expected.interests);
    expect(await count("Vote")).toBe(expected.votes);
    expect(await count("Ballot")).toBe(expected.ballots);
    expect(await count("Trial")).toBe(expected.trials);
    expect(await count("AccrualUpdate")).toBe(expected.accrual);
    expect(await count("Comment")).toBe(expected.comments);
    expect(await count("AuditEvent")).toBe(expected.auditEvents);
    expect(await count("Notification")).toBe(expected.notifications);

    // Every reference the foreign keys were not asked to check holds.
    const dangling = await client.query(
      `SELECT (SELECT count(*) FROM "Comment" c WHERE c.id LIKE 'bp%' AND (NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = c."authorId")
                 OR (c."parentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Comment" p WHERE p.id = c."parentId"))))::int AS comments,
              (SELECT count(*) FROM "Ballot" b WHERE b.id LIKE 'bp%' AND NOT EXISTS (SELECT 1 FROM "Vote" v WHERE v.id = b."voteId"))::int AS ballots,
              (SELECT count(*) FROM "Notification" n WHERE n.id LIKE 'bp%' AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = n."userId"))::int AS notifications`,
    );
    expect(dangling.rows[0]).toEqual({ comments: 0, ballots: 0, notifications: 0 });

    // The rows the benchmark signs in with, saves and votes on.
    const session = await client.query(`SELECT u.email FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s."sessionToken" = $1`, [
      BENCH_SESSION,
    ]);
    expect(session.rows[0]?.email).toBe(BENCH_PERSON);
    expect(await count("Vote", `"proposalId" = '${BENCH_VOTE_PROPOSAL}' AND status = 'OPEN'`)).toBe(1);
    expect(await count("Proposal", `id LIKE 'bench-draft-%'`)).toBe(10);
    // And what makes a page show as much at 1x as at 100x.
    expect(await count("Vote", `id LIKE 'bench-%' AND status = 'OPEN'`)).toBe(20);
    expect(await count("Trial", `id LIKE 'bench-list-%'`)).toBe(25);
    expect(await count("Proposal", `id LIKE 'bench-list-%' AND status = 'IN_REVIEW' AND title LIKE '%immunotherapy%'`)).toBe(20);
    expect(await count("Notification", `id LIKE 'bench-notification-%' AND "readAt" IS NULL`)).toBe(10);
  });
});
