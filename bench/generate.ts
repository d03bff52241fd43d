// The benchmark's data: IRCI's real size (the seed) at 1x, and a hundred and a thousand times that
// at 100x and 1000x, made by the database itself (INSERT … SELECT FROM generate_series), so nothing
// of it passes through this process and every run makes exactly the same rows. The secondary
// indexes are built once the rows are in, and the database vacuumed, as after a restore: 100x
// loads in seconds, 1000x in a few minutes. Every scale also gets the same few rows the measured
// pages and writes use, so a page's growth compares like with like.
import pg from "pg";

export const SCALES = {
  1: { groups: 0, people: 0, proposals: 0 },
  // On top of the seed: about 1,000 expert groups, 2,000 people and 10,000 proposals, with
  // 5 revisions, 8 interests (and their history), 20 comments and 5 notifications each; a vote
  // with a ballot per organization on every proposal that reached one (about 5,000 and 40,000).
  100: { groups: 990, people: 1985, proposals: 9980 },
  // Ten times 100x in every table: about 10,000 groups, 20,000 people, 100,000 proposals,
  // 2 million comments, 640,000 interests, 400,000 ballots, 35,000 trials. Growth over three
  // orders of magnitude tells a cost that grows with the data from noise.
  1000: { groups: 9900, people: 19850, proposals: 99800 },
} as const;
export type Scale = keyof typeof SCALES;

/** Who the benchmark is signed in as: NCI's representative, a real role with every page open to it. */
export const BENCH_PERSON = "riley.placebo@nci.irci.example";
export const BENCH_SESSION = "bench-session-token-not-a-secret";
export const BENCH_DRAFTS = 10; // one per connection: saves never race each other's versions
export const BENCH_VOTE_PROPOSAL = "bench-vote";

const CONTENT = `jsonb_build_object('title', title, 'population', population, 'intervention', intervention, 'comparator', comparator, 'primaryOutcome', "primaryOutcome", 'rationale', rationale, 'phase', 'PHASE3', 'randomised', true, 'sampleSize', 240, 'primaryEndpoint', 'Progression-free survival', 'noOtherForum', '')`;

/** Words for titles, so searches find some proposals and not others, as in life. */
const SETTINGS = ["Adjuvant", "Neoadjuvant", "Maintenance", "First-line", "Second-line", "Salvage", "Perioperative", "Consolidation"];
const TREATMENTS = [
  "radiotherapy",
  "immunotherapy",
  "chemotherapy",
  "targeted therapy",
  "surgery",
  "chemoradiation",
  "hormone therapy",
  "observation",
];

/** Proposals per statement for the tables with many rows per proposal: each statement's work stays bounded, and is logged. */
export const BATCH_PROPOSALS = 10_000;

/**
 * The tables the generator fills in bulk. Their secondary indexes are dropped before and built again
 * after (one sorted build instead of millions of scattered insertions), as a restore does.
 */
export const BULK_TABLES = [
  "ExpertGroup",
  "User",
  "Membership",
  "GroupMember",
  "Proposal",
  "ProposalAuthor",
  "ProposalRevision",
  "PartnerInterest",
  "PartnerInterestRecord",
  "Vote",
  "Ballot",
  "Trial",
  "AccrualUpdate",
  "TrialSite",
  "TrialMilestone",
  "Comment",
  "AuditEvent",
  "Notification",
];

/** How many rows of each kind a scale adds: what the generator's statements make, counted without a database. */
export function rowsAdded(size: { groups: number; people: number; proposals: number }) {
  const { groups, people, proposals } = size;
  // A proposal's status is the (i mod 20)th of the list in the proposals statement.
  const withRemainder = (r: number[]) => r.reduce((n, k) => n + Math.floor((proposals - k) / 20) + (k === 0 ? 0 : 1), 0);
  const drafts = withRemainder([0, 1, 2, 3]);
  const voting = withRemainder([10]);
  const votes = withRemainder([10, 11, 12, 13, 14, 15, 16, 17, 18, 9]); // VOTING, APPROVED … REJECTED, and one IN_REVIEW in three
  const trials = withRemainder([11, 12, 13, 14, 15, 16, 17]);
  const running = withRemainder([14, 15, 16, 17]); // UNDERWAY and COMPLETED report accrual
  return {
    groups,
    people,
    groupMembers: groups * 5,
    proposals,
    revisions: proposals * 5,
    interests: (proposals - drafts) * 8,
    votes,
    ballots: votes * 8 - voting, // NCI's ballot is left for the benchmark on the open votes
    trials,
    accrual: running * 4,
    comments: proposals * 20,
    auditEvents: proposals * 5,
    notifications: proposals * 5,
  };
}

export async function generate(url: string, scale: Scale, log: (line: string) => void): Promise<Record<string, number>> {
  return generateSize(url, SCALES[scale], log);
}

/** The data for any size (the scales above, or a small one for a test). */
export async function generateSize(
  url: string,
  size: { groups: number; people: number; proposals: number },
  log: (line: string) => void,
  batchProposals = BATCH_PROPOSALS,
): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    if (result.rowCount && result.rowCount > 100) log(`  ${label}: ${result.rowCount.toLocaleString("en")} rows in ${seconds(started)}`);
    return result;
  };
  const { groups, people, proposals } = size;
  /** One statement per BATCH_PROPOSALS proposals: $1 and $2 are the first and last proposal's number. */
  const perProposal = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    let rows = 0;
    for (let first = 1; first <= proposals; first += batchProposals) {
      const last = Math.min(proposals, first + batchProposals - 1);
      rows += (await client.query(sql, [first, last, ...params])).rowCount ?? 0;
      if (last < proposals)
        log(`  ${label}: ${rows.toLocaleString("en")} rows (proposals to ${last.toLocaleString("en")}) in ${seconds(started)}`);
    }
    log(`  ${label}: ${rows.toLocaleString("en")} rows in ${seconds(started)}`);
  };
  try {
    const orgs = (await client.query<{ id: string }>(`SELECT id FROM "Organization" ORDER BY slug`)).rows.map((r) => r.id);
    const nci = (await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE slug = 'nci'`)).rows[0]!.id;
    const me = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [BENCH_PERSON])).rows[0]!.id;
    const group = (await client.query<{ id: string }>(`SELECT id FROM "ExpertGroup" WHERE slug = 'uterine-sarcoma'`)).rows[0]!.id;
    // A throwaway database: a lost commit costs nothing.
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");

    if (proposals > 0) {
      // The generated rows reference what they must by construction; checking each reference row by
      // row (the foreign keys' triggers) would double the load. Only a superuser may skip them.
      await client
        .query("SET session_replication_role = replica")
        .catch(() => log("  (not a superuser: foreign keys are checked row by row)"));
      const started = Date.now();
      const indexes = (
        await client.query<{ name: string; definition: string }>(
          `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
           WHERE t.relname = ANY($1::text[]) AND t.relnamespace = current_schema()::regnamespace
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
          [BULK_TABLES],
        )
      ).rows;
      for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
      log(`  dropped ${indexes.length} secondary indexes, to build them once the rows are in`);

      await q(
        "expert groups",
        `INSERT INTO "ExpertGroup" (id, slug, name, cancer, status, "incidencePer100k", "incidenceIsDemo", "updatedAt")
         SELECT 'bg' || i, 'bench-cancer-' || i, 'Bench cancer ' || i || ' expert group', 'Bench cancer ' || i,
                (ARRAY['ACTIVE','ACTIVE','ACTIVE','PROPOSED','DORMANT'])[1 + i % 5]::"GroupStatus", (i % 60) / 10.0, true,
                timestamp '2026-01-01' + i * interval '1 hour'
         FROM generate_series(1, $1::int) i`,
        [groups],
      );
      await q(
        "people",
        `INSERT INTO "User" (id, email, name, "updatedAt")
         SELECT 'bu' || i, 'bench.person' || i || '@bench.irci.example', 'Bench Person ' || i, timestamp '2026-01-01'
         FROM generate_series(1, $1::int) i`,
        [people],
      );
      await q(
        "memberships",
        `INSERT INTO "Membership" (id, "userId", "organizationId", role)
         SELECT 'bm' || i, 'bu' || i, ($2::text[])[1 + i % 8], 'MEMBER' FROM generate_series(1, $1::int) i`,
        [people, orgs],
      );
      await q(
        "group members",
        `INSERT INTO "GroupMember" (id, "groupId", "userId", role)
         SELECT 'bgm' || g || '-' || k, 'bg' || g, 'bu' || (1 + (g * 7 + k * 311) % $2::int), (CASE WHEN k = 0 THEN 'CHAIR' ELSE 'MEMBER' END)::"GroupRole"
         FROM generate_series(1, $1::int) g, generate_series(0, 4) k`,
        [groups, people],
      );
      await perProposal(
        "proposals",
        `INSERT INTO "Proposal" (id, "groupId", "leadOrganizationId", status, version, title, population, intervention, comparator, "primaryOutcome", rationale,
                                 phase, randomised, "sampleSize", "primaryEndpoint", "createdById", "createdAt", "updatedAt", "statusChangedAt")
         SELECT 'bp' || i, 'bg' || (1 + i % $3::int), ($4::text[])[1 + (i / 7) % 8],
                (ARRAY['DRAFT','DRAFT','DRAFT','DRAFT','SUBMITTED','SUBMITTED','SUBMITTED','IN_REVIEW','IN_REVIEW','IN_REVIEW',
                       'VOTING','APPROVED','APPROVED','PLANNING','UNDERWAY','UNDERWAY','UNDERWAY','COMPLETED','REJECTED','WITHDRAWN'])[1 + i % 20]::"ProposalStatus",
                5,
                ($5::text[])[1 + i % 8] || ' ' || ($6::text[])[1 + (i / 8) % 8] || ' for bench cancer ' || (1 + i % $3::int) || ' (' || i || ')',
                'Adults with bench cancer ' || (1 + i % $3::int) || ' after first-line treatment',
                ($6::text[])[1 + (i / 8) % 8], 'Standard of care', 'Progression-free survival at two years',
                repeat('Rationale paragraph for a rare cancer trial. ', 20),
                'PHASE3', true, 100 + i % 400, 'Progression-free survival', 'bu' || (1 + i % $7::int),
                timestamp '2026-01-01' + i * interval '17 minutes', timestamp '2026-01-01' + i * interval '19 minutes', timestamp '2026-01-01' + i * interval '19 minutes'
         FROM generate_series($1::int, $2::int) i`,
        [groups, orgs, SETTINGS, TREATMENTS, people],
      );
      await q(
        "authors",
        `INSERT INTO "ProposalAuthor" ("proposalId", "userId") SELECT id, "createdById" FROM "Proposal" WHERE id LIKE 'bp%'`,
      );
      // The batched statements below walk the proposals by number, each found by its primary key.
      const batch = `generate_series($1::int, $2::int) AS s(i) JOIN "Proposal" p ON p.id = 'bp' || s.i`;
      await perProposal(
        "revisions",
        `INSERT INTO "ProposalRevision" (id, "proposalId", number, content, "authorId", "createdAt")
         SELECT p.id || '-r' || n, p.id, n, ${CONTENT}, p."createdById", p."createdAt" + n * interval '1 day'
         FROM ${batch}, generate_series(1, 5) n`,
      );
      await perProposal(
        "interests",
        `INSERT INTO "PartnerInterest" (id, "proposalId", "organizationId", level, "expectedSites", "expectedPatientsPerYear", "updatedAt")
         SELECT p.id || '-i' || o.n, p.id, o.id, (ARRAY['LEAD','PARTICIPATE','PARTICIPATE','INTERESTED','DECLINED'])[1 + (length(p.id) + o.n) % 5]::"InterestLevel",
                1 + o.n % 6, 2 + o.n % 9, p."updatedAt"
         FROM ${batch}, unnest($3::text[]) WITH ORDINALITY AS o(id, n) WHERE p.status <> 'DRAFT'`,
        [orgs],
      );
      await q(
        "interest history",
        `INSERT INTO "PartnerInterestRecord" (id, "proposalId", "organizationId", level, "expectedSites", "expectedPatientsPerYear", "recordedAt")
         SELECT id || '-h', "proposalId", "organizationId", level, "expectedSites", "expectedPatientsPerYear", "updatedAt" FROM "PartnerInterest" WHERE id LIKE 'bp%'`,
      );
      await q(
        "votes",
        `INSERT INTO "Vote" (id, "proposalId", status, "opensAt", "closesAt", quorum, "closedAt", outcome)
         SELECT p.id || '-v', p.id, (CASE WHEN p.status = 'VOTING' THEN 'OPEN' ELSE 'CLOSED' END)::"VoteStatus",
                p."statusChangedAt" - interval '14 days',
                CASE WHEN p.status = 'VOTING' THEN now() + interval '20 days' ELSE p."statusChangedAt" END, 5,
                CASE WHEN p.status = 'VOTING' THEN NULL ELSE p."statusChangedAt" END,
                (CASE WHEN p.status = 'VOTING' THEN NULL WHEN p.status = 'REJECTED' THEN 'FAILED' WHEN p.status = 'IN_REVIEW' THEN 'NO_QUORUM' ELSE 'PASSED' END)::"VoteOutcome"
         FROM "Proposal" p
         WHERE p.id LIKE 'bp%' AND (p.status IN ('VOTING','APPROVED','PLANNING','UNDERWAY','COMPLETED','REJECTED') OR (p.status = 'IN_REVIEW' AND substr(p.id, 3)::int % 20 = 9))`,
      );
      await q(
        "ballots",
        `INSERT INTO "Ballot" (id, "voteId", "organizationId", choice, "castAt", "updatedAt")
         SELECT v.id || '-b' || o.n, v.id, o.id, (ARRAY['APPROVE','APPROVE','APPROVE','REJECT','ABSTAIN'])[1 + o.n % 5]::"BallotChoice", v."opensAt" + o.n * interval '1 day', v."opensAt"
         FROM "Vote" v, unnest($1::text[]) WITH ORDINALITY AS o(id, n)
         WHERE v.id LIKE 'bp%' AND NOT (v.status = 'OPEN' AND o.id = $2)`,
        [orgs, nci],
      );
      await q(
        "trials",
        `INSERT INTO "Trial" (id, "proposalId", "overallStatus", phases, "targetAccrual", "startDate", "updatedAt")
         SELECT p.id || '-t', p.id, CASE p.status WHEN 'COMPLETED' THEN 'COMPLETED' WHEN 'UNDERWAY' THEN 'RECRUITING' ELSE 'NOT_YET_RECRUITING' END,
                ARRAY['PHASE3'], 100 + substr(p.id, 3)::int % 400, '2025-0' || (1 + substr(p.id, 3)::int % 9), p."updatedAt"
         FROM "Proposal" p WHERE p.id LIKE 'bp%' AND p.status IN ('APPROVED','PLANNING','UNDERWAY','COMPLETED')`,
      );
      await q(
        "accrual",
        `INSERT INTO "AccrualUpdate" (id, "trialId", date, total, source)
         SELECT t.id || '-a' || n, t.id, '2025-' || lpad((2 + n * 2)::text, 2, '0') || '-01', n * (5 + length(t.id) % 7), 'bench'
         FROM "Trial" t, generate_series(1, 4) n WHERE t.id LIKE 'bp%' AND t."overallStatus" <> 'NOT_YET_RECRUITING'`,
      );
      await q(
        "sites",
        `INSERT INTO "TrialSite" (id, "trialId", "organizationId", country, facility)
         SELECT t.id || '-s' || n, t.id, ($1::text[])[n], (ARRAY['US','GB','GB','FR','FR','CA','JP','AU'])[n], 'Bench site ' || n
         FROM "Trial" t, generate_series(1, 3) n WHERE t.id LIKE 'bp%'`,
        [orgs],
      );
      await q(
        "milestones",
        `INSERT INTO "TrialMilestone" (id, "trialId", kind, planned, actual)
         SELECT t.id || '-m' || n, t.id, (ARRAY['PROTOCOL_APPROVED','FIRST_PATIENT_IN','ACCRUAL_COMPLETE'])[n]::"MilestoneKind",
                '2026-' || lpad((n * 3)::text, 2, '0'), CASE WHEN n = 1 THEN '2025-12' END
         FROM "Trial" t, generate_series(1, 3) n WHERE t.id LIKE 'bp%'`,
      );
      await perProposal(
        "comments",
        `INSERT INTO "Comment" (id, "threadType", "threadId", "parentId", "authorId", body, "createdAt")
         SELECT p.id || '-c' || n, 'proposal', p.id, CASE WHEN n % 4 = 0 THEN p.id || '-c' || (n - 1) END, 'bu' || (1 + (n * 131 + length(p.id)) % $3::int),
                'Comment ' || n || ' on this proposal: could your organization open sites, and how many patients a year?', p."createdAt" + n * interval '3 hours'
         FROM ${batch}, generate_series(1, 20) n`,
        [people],
      );
      await perProposal(
        "audit trail",
        `INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "groupId", data)
         SELECT p.id || '-e' || n, p."createdAt" + n * interval '2 days', p."createdById",
                (ARRAY['proposal.created','proposal.saved','proposal.submit','proposal.startReview','comment.posted'])[n], 'proposal', p.id, p."groupId",
                jsonb_build_object('from', 'DRAFT', 'to', 'SUBMITTED')
         FROM ${batch}, generate_series(1, 5) n`,
      );
      await perProposal(
        "notifications",
        `INSERT INTO "Notification" (id, "userId", kind, title, body, link, "createdAt", "readAt", email)
         SELECT p.id || '-n' || n, CASE WHEN n = 1 AND s.i % 5 = 0 THEN $4 ELSE 'bu' || (1 + (s.i * 7 + n) % $3::int) END,
                'comment.new', 'New comment: ' || p.title, 'Comment on this proposal', '/proposals/' || p.id, p."createdAt" + n * interval '5 hours',
                CASE WHEN n > 2 THEN p."createdAt" + n * interval '6 hours' END, 'SKIPPED'
         FROM ${batch}, generate_series(1, 5) n`,
        [people, me],
      );

      await client.query("SET session_replication_role = DEFAULT");
      const building = Date.now();
      for (const index of indexes) await client.query(index.definition);
      log(`  built ${indexes.length} indexes in ${seconds(building)} (generated rows in ${seconds(started)})`);
    }

    // The same few rows at every scale: the drafts the benchmark saves and the proposal it votes on.
    await q(
      "bench drafts",
      `INSERT INTO "Proposal" (id, "groupId", "leadOrganizationId", status, version, title, population, intervention, comparator, "primaryOutcome", "createdById", "updatedAt")
       SELECT 'bench-draft-' || i, $1, $2, 'DRAFT', 1, 'Benchmark draft ' || i, 'Population', 'Intervention', 'Comparator', 'Outcome', $3, now()
       FROM generate_series(1, $4::int) i`,
      [group, nci, me, BENCH_DRAFTS],
    );
    await q(
      "bench vote",
      `INSERT INTO "Proposal" (id, "groupId", "leadOrganizationId", status, version, title, population, intervention, comparator, "primaryOutcome", rationale, "createdById", "updatedAt")
       VALUES ($1, $2, $3, 'VOTING', 3, 'Benchmark proposal under vote', 'Adults with uterine leiomyosarcoma', 'Trabectedin', 'Doxorubicin', 'Overall survival', 'Why it matters.', $4, now())`,
      [BENCH_VOTE_PROPOSAL, group, nci, me],
    );
    // So that a page shows as much at 1x as at 100x (twenty proposals of a filter or a search,
    // twenty open votes, ten unread notifications, a full page of published trials), what the seed
    // lacks comes from these, at every scale: growth then compares pages showing the same amount.
    await q(
      "bench list proposals",
      `INSERT INTO "Proposal" (id, "groupId", "leadOrganizationId", status, version, title, population, intervention, comparator, "primaryOutcome", "createdById", "createdAt", "updatedAt", "statusChangedAt")
       SELECT 'bench-list-' || i, $1, $2, (CASE WHEN i <= 20 THEN 'IN_REVIEW' WHEN i <= 39 THEN 'VOTING' ELSE 'UNDERWAY' END)::"ProposalStatus", 2,
              ($4::text[])[1 + i % 8] || ' immunotherapy for uterine sarcoma: bench ' || i, 'Adults with uterine sarcoma', 'Immunotherapy', 'Standard of care', 'Overall survival', $3,
              timestamp '2020-01-01' + i * interval '1 day', timestamp '2020-01-01' + i * interval '1 day', timestamp '2020-01-01' + i * interval '1 day'
       FROM generate_series(1, 64) i`,
      [group, nci, me, SETTINGS],
    );
    await q(
      "bench authors",
      `INSERT INTO "ProposalAuthor" ("proposalId", "userId") SELECT id, $1 FROM "Proposal" WHERE id LIKE 'bench-%'`,
      [me],
    );
    await q(
      "bench revisions",
      `INSERT INTO "ProposalRevision" (id, "proposalId", number, content, "authorId")
       SELECT p.id || '-r' || n, p.id, n, ${CONTENT}, $1 FROM "Proposal" p, generate_series(1, 3) n
       WHERE p.id LIKE 'bench-%' AND (n = 1 OR p.id = '${BENCH_VOTE_PROPOSAL}')`,
      [me],
    );
    await q(
      "bench interests",
      `INSERT INTO "PartnerInterest" (id, "proposalId", "organizationId", level, "expectedSites", "expectedPatientsPerYear", "updatedAt")
       SELECT $1 || '-i' || o.n, $1, o.id, (ARRAY['LEAD','PARTICIPATE','PARTICIPATE','INTERESTED','DECLINED','PARTICIPATE','PARTICIPATE','INTERESTED'])[o.n]::"InterestLevel", o.n, 3 * o.n, now()
       FROM unnest($2::text[]) WITH ORDINALITY AS o(id, n)`,
      [BENCH_VOTE_PROPOSAL, orgs],
    );
    await q(
      "bench open vote",
      `INSERT INTO "Vote" (id, "proposalId", status, "closesAt", quorum) VALUES ($1 || '-v', $1, 'OPEN', now() + interval '20 days', 5)`,
      [BENCH_VOTE_PROPOSAL],
    );
    await q(
      "bench ballots",
      `INSERT INTO "Ballot" (id, "voteId", "organizationId", choice, "updatedAt")
       SELECT $1 || '-b' || o.n, $1 || '-v', o.id, 'APPROVE', now() FROM unnest($2::text[]) WITH ORDINALITY AS o(id, n) WHERE o.id <> $3 AND o.n <= 4`,
      [BENCH_VOTE_PROPOSAL, orgs, nci],
    );
    await q(
      "bench comments",
      `INSERT INTO "Comment" (id, "threadType", "threadId", "authorId", body, "createdAt")
       SELECT $1 || '-c' || n, 'proposal', $1, $2, 'Comment ' || n || ': **sites** and patients a year?', now() - (30 - n) * interval '1 hour' FROM generate_series(1, 20) n`,
      [BENCH_VOTE_PROPOSAL, me],
    );
    await q(
      "bench timeline",
      `INSERT INTO "AuditEvent" (id, "actorId", action, "entityType", "entityId", "groupId", data, at)
       SELECT $1 || '-e' || n, $2, (ARRAY['proposal.created','proposal.submit','proposal.startReview','proposal.openVoting'])[n], 'proposal', $1, $3,
              jsonb_build_object('from', 'DRAFT', 'to', 'SUBMITTED'), now() - (10 - n) * interval '1 day'
       FROM generate_series(1, 4) n`,
      [BENCH_VOTE_PROPOSAL, me, group],
    );
    await q(
      "bench open votes",
      `INSERT INTO "Vote" (id, "proposalId", status, "opensAt", "closesAt", quorum)
       SELECT 'bench-list-' || i || '-v', 'bench-list-' || i, 'OPEN', now() - interval '1 day', now() + interval '25 days' + i * interval '1 hour', 5
       FROM generate_series(21, 39) i`,
    );
    await q(
      "bench open ballots",
      `INSERT INTO "Ballot" (id, "voteId", "organizationId", choice, "updatedAt")
       SELECT 'bench-list-' || i || '-b' || o.n, 'bench-list-' || i || '-v', o.id, 'APPROVE', now()
       FROM generate_series(21, 39) i, unnest($1::text[]) WITH ORDINALITY AS o(id, n) WHERE o.id <> $2 AND o.n <= 4`,
      [orgs, nci],
    );
    await q(
      "bench trials",
      `INSERT INTO "Trial" (id, "proposalId", "overallStatus", phases, "targetAccrual", "startDate", "updatedAt")
       SELECT 'bench-list-' || i || '-t', 'bench-list-' || i, 'RECRUITING', ARRAY['PHASE3'], 200, '2025-01', now() FROM generate_series(40, 64) i`,
    );
    await q(
      "bench trial rows",
      `WITH t AS (SELECT 'bench-list-' || i || '-t' AS id FROM generate_series(40, 64) i),
            a AS (INSERT INTO "AccrualUpdate" (id, "trialId", date, total, source)
                  SELECT t.id || '-a' || n, t.id, '2025-' || lpad((2 + n * 2)::text, 2, '0') || '-01', n * 9, 'bench' FROM t, generate_series(1, 4) n),
            s AS (INSERT INTO "TrialSite" (id, "trialId", "organizationId", country, facility)
                  SELECT t.id || '-s' || n, t.id, ($1::text[])[n], (ARRAY['US','GB','FR'])[n], 'Bench site ' || n FROM t, generate_series(1, 3) n)
       INSERT INTO "TrialMilestone" (id, "trialId", kind, planned, actual)
       SELECT t.id || '-m' || n, t.id, (ARRAY['PROTOCOL_APPROVED','FIRST_PATIENT_IN','ACCRUAL_COMPLETE'])[n]::"MilestoneKind",
              '2027-' || lpad((n * 3)::text, 2, '0'), CASE WHEN n = 1 THEN '2025-01' END
       FROM t, generate_series(1, 3) n`,
      [orgs],
    );
    await q(
      "bench notifications",
      `INSERT INTO "Notification" (id, "userId", kind, title, body, link, "createdAt", email)
       SELECT 'bench-notification-' || i, $1, 'comment.new', 'New comment: Benchmark proposal under vote', 'Comment on this proposal',
              '/proposals/' || $2, timestamp '2020-01-01' + i * interval '1 hour', 'SKIPPED'
       FROM generate_series(1, 10) i`,
      [me, BENCH_VOTE_PROPOSAL],
    );
    await q(
      "bench session",
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ('bench-session', $1, $2, now() + interval '30 days')`,
      [BENCH_SESSION, me],
    );
    // As a database that has been in use: statistics current, and the visibility map set, so that
    // the first requests measured neither write hint bits nor wait for autovacuum.
    const vacuuming = Date.now();
    await client.query("VACUUM (ANALYZE)");
    log(`  vacuumed and analysed in ${seconds(vacuuming)}`);
    const counts = await client.query<{ table: string; n: string }>(
      `SELECT 'expert groups' AS table, count(*) AS n FROM "ExpertGroup" UNION ALL SELECT 'people', count(*) FROM "User"
       UNION ALL SELECT 'proposals', count(*) FROM "Proposal" UNION ALL SELECT 'revisions', count(*) FROM "ProposalRevision"
       UNION ALL SELECT 'interests', count(*) FROM "PartnerInterest" UNION ALL SELECT 'votes', count(*) FROM "Vote"
       UNION ALL SELECT 'ballots', count(*) FROM "Ballot" UNION ALL SELECT 'comments', count(*) FROM "Comment"
       UNION ALL SELECT 'trials', count(*) FROM "Trial" UNION ALL SELECT 'audit events', count(*) FROM "AuditEvent"
       UNION ALL SELECT 'notifications', count(*) FROM "Notification"`,
    );
    return Object.fromEntries(counts.rows.map((r) => [r.table, Number(r.n)]));
  } finally {
    await client.end();
  }
}
