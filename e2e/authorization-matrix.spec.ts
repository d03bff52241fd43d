// The authorization matrix: every server action and every route handler of the production build,
// taken from the build's own manifests, called as the browser calls it, by every kind of person
// (anonymous, signed in outside every organization, an author, a member of the group from another
// organization, the lead organization's representative, another organization's representative,
// the group's chair, the secretariat), against the states that matter. What each should get is
// written out by hand in e2e/action-cases.ts, from the rules of IRCI, not computed from the policy code.
// An action or route in the build without a row here fails the suite.
//
// A refusal must come with its reason and leave the database as it was; an allowed call must
// answer ok. The counts are printed at the end: unexpected successes must be 0.
import { expect, test } from "@playwright/test";
import { ACTIONS, ROUTES } from "./action-cases";
import { type Portal, startPortal } from "./portal";
import { builtActions, builtRoutes, callAction, describeOutcome, pageMatches } from "./server-actions";
import { databaseSignature, type Fixtures, makeFixtures, PERSONAS } from "./matrix-fixtures";

let portal: Portal;
let fixtures: Fixtures;
const counts = { calls: 0, allowedAsExpected: 0, refusedAsExpected: 0, unexpectedSuccesses: 0, unexpectedRefusals: 0 };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // A portal of its own: the hundreds of proposals, votes and mails made here stay out of the other tests' pages.
  portal = await startPortal("matrix", { demo: true });
  fixtures = await makeFixtures(portal.db);
});
test.afterAll(async () => {
  console.log(
    `authorization matrix: ${counts.calls} calls, ${counts.allowedAsExpected} allowed as expected, ${counts.refusedAsExpected} refused as expected, ` +
      `${counts.unexpectedSuccesses} unexpected successes, ${counts.unexpectedRefusals} unexpected refusals`,
  );
  await portal?.stop();
});

test("every action and route in the build has its rows in the matrix", () => {
  const inBuild = builtActions()
    .map((a) => a.key)
    .sort();
  expect(inBuild, "server actions in the build without rows in ACTIONS (or rows for actions no longer built)").toEqual(
    Object.keys(ACTIONS).sort(),
  );
  expect(builtRoutes(), "route handlers in the build without rows in ROUTES").toEqual(Object.keys(ROUTES).sort());
});

for (const action of Object.keys(ACTIONS)) {
  test(`server action ${action.split("#")[1]}`, async () => {
    const surprises: string[] = [];
    const built = builtActions().find((a) => a.key === action);
    expect(built, `${action} is in the build`).toBeTruthy();
    for (const c of ACTIONS[action]!) {
      for (const persona of PERSONAS) {
        const call = await c.call(fixtures, persona);
        const page = built!.pages.some((p) => pageMatches(p, call.page)) ? call.page : null;
        expect(page, `${action} runs on ${call.page}`).not.toBeNull();
        const before = await databaseSignature(portal.db);
        const outcome = await callAction({
          baseURL: portal.baseURL,
          actionId: built!.id,
          page: call.page,
          args: call.args,
          cookie: fixtures.cookie(persona),
          clientAddress: fixtures.clientAddress,
        });
        counts.calls++;
        const expected = c.expected[persona];
        const where = `${action.split("#")[1]}, ${c.state}, as ${persona}`;
        expect(outcome.kind, `${where}: answered ${describeOutcome(outcome)}`).not.toBe("broken");
        if (expected === "ok") {
          if (outcome.kind === "ok") counts.allowedAsExpected++;
          else {
            counts.unexpectedRefusals++;
            surprises.push(`${where}: expected ok, got ${describeOutcome(outcome)}`);
          }
          continue;
        }
        if (outcome.kind === "ok") {
          counts.unexpectedSuccesses++;
          surprises.push(`${where}: expected ${expected}, got ok`);
        } else if (outcome.kind === "refused") {
          expect(outcome.message, `${where}: a refusal says why`).not.toBe("");
          if (outcome.code === expected) counts.refusedAsExpected++;
          else {
            counts.unexpectedRefusals++;
            surprises.push(`${where}: expected ${expected}, got ${describeOutcome(outcome)}`);
          }
          // Nothing was written: not the subject, not an audit event.
          expect(await databaseSignature(portal.db), `${where}: a refusal writes nothing`).toEqual(before);
        }
      }
    }
    expect(surprises, "outcomes that differ from the matrix").toEqual([]);
  });
}

for (const route of Object.keys(ROUTES)) {
  test(`route ${route}`, async () => {
    const surprises: string[] = [];
    for (const c of ROUTES[route]!) {
      for (const persona of PERSONAS) {
        const request = await c.request(fixtures);
        const headers: Record<string, string> = { origin: portal.baseURL, "x-forwarded-for": fixtures.clientAddress };
        const cookie = fixtures.cookie(persona);
        if (cookie) headers.cookie = cookie;
        if (request.contentType) headers["content-type"] = request.contentType;
        const before = await databaseSignature(portal.db);
        const response = await fetch(new URL(request.path, portal.baseURL), {
          method: request.method,
          headers,
          body: request.body,
          redirect: "manual",
        });
        await response.arrayBuffer();
        counts.calls++;
        const expected = c.expected[persona];
        const where = `${route}, ${c.state}, as ${persona}`;
        if (response.status === expected) {
          if (expected < 400) counts.allowedAsExpected++;
          else counts.refusedAsExpected++;
        } else {
          if (response.status < 300 && expected >= 400) counts.unexpectedSuccesses++;
          else counts.unexpectedRefusals++;
          surprises.push(`${where}: expected HTTP ${expected}, got ${response.status}`);
        }
        if (expected >= 400 && request.method === "POST")
          expect(await databaseSignature(portal.db), `${where}: a refusal writes nothing`).toEqual(before);
      }
    }
    expect(surprises, "outcomes that differ from the matrix").toEqual([]);
  });
}

test("no call got through that should not have", () => {
  expect(counts.calls).toBeGreaterThan(400);
  expect(counts.unexpectedSuccesses).toBe(0);
  test.info().annotations.push({
    type: "counts",
    description: `${counts.calls} calls; ${counts.refusedAsExpected} refused as expected; ${counts.unexpectedSuccesses} unexpected successes`,
  });
});
