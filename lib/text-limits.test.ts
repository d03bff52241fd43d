// The limits the forms count against (the plain numbers in each domain's limits.ts, imported by the
// forms) are the limits the server refuses beyond: each schema takes exactly that many characters
// and refuses one more.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { COMMENT_MAX } from "@/lib/discussion/limits";
import { ZCommentBody } from "@/lib/discussion/schema";
import { GROUP_TEXT_MAX } from "@/lib/groups/limits";
import { ZChangeGroupStatus, ZCorrectIncidence, ZCreateGroup } from "@/lib/groups/schema";
import { INTEREST_NOTE_MAX, PROPOSAL_TEXT_MAX, TRANSITION_REASON_MAX } from "@/lib/proposals/limits";
import { ZCreateProposal, ZProposalContent, ZRecordInterest, ZTransition } from "@/lib/proposals/schema";
import { ZSettingReason } from "@/lib/settings";
import { PERSON_TEXT_MAX } from "@/lib/people/limits";
import { ZAcceptInvitation, ZDecideAccess, ZReason as ZPersonReason } from "@/lib/people/schema";
import { SETTING_REASON_MAX } from "@/lib/settings-limits";
import { TRIAL_TEXT_MAX } from "@/lib/trials/limits";
import { ZAccrual, ZAccrualCorrection, ZReason, ZSite, ZTrialDetails } from "@/lib/trials/schema";
import { BALLOT_RATIONALE_MAX, CLOSE_REASON_MAX } from "@/lib/votes/limits";
import { ZBallot, ZCloseReason } from "@/lib/votes/schema";

const cases: [string, ZodType, number][] = [
  ...(Object.keys(PROPOSAL_TEXT_MAX) as (keyof typeof PROPOSAL_TEXT_MAX)[]).map(
    (key) => [`proposal ${key}`, ZProposalContent.shape[key], PROPOSAL_TEXT_MAX[key]] as [string, ZodType, number],
  ),
  ["new proposal title", ZCreateProposal.shape.title, PROPOSAL_TEXT_MAX.title],
  ["interest note", ZRecordInterest.shape.note, INTEREST_NOTE_MAX],
  ["transition reason", ZTransition.shape.reason, TRANSITION_REASON_MAX],
  ["comment", ZCommentBody, COMMENT_MAX],
  ["ballot rationale", ZBallot.shape.rationale, BALLOT_RATIONALE_MAX],
  ["vote close reason", ZCloseReason, CLOSE_REASON_MAX],
  ["settings reason", ZSettingReason, SETTING_REASON_MAX],
  ["group cancer", ZCreateGroup.shape.cancer, GROUP_TEXT_MAX.cancer],
  ["group description", ZCreateGroup.shape.description, GROUP_TEXT_MAX.description],
  ["group incidence source", ZCreateGroup.shape.incidenceSource, GROUP_TEXT_MAX.incidenceSource],
  ["incidence correction reason", ZCorrectIncidence.shape.reason, GROUP_TEXT_MAX.reason],
  ["group status reason", ZChangeGroupStatus.shape.reason, GROUP_TEXT_MAX.reason],
  ["trial lead sponsor", ZTrialDetails.shape.leadSponsor, TRIAL_TEXT_MAX.leadSponsor],
  ["trial correction reason", ZReason, TRIAL_TEXT_MAX.reason],
  ["accrual country", ZAccrual.shape.country, TRIAL_TEXT_MAX.country],
  ["accrual source", ZAccrual.shape.source, TRIAL_TEXT_MAX.source],
  ["accrual correction source", ZAccrualCorrection.shape.source, TRIAL_TEXT_MAX.source],
  ["site country", ZSite.shape.country, TRIAL_TEXT_MAX.country],
  ["site facility", ZSite.shape.facility, TRIAL_TEXT_MAX.facility],
  ["site city", ZSite.shape.city, TRIAL_TEXT_MAX.city],
  ["invited person's name", ZAcceptInvitation.shape.name, PERSON_TEXT_MAX.name],
  ["deactivation reason", ZPersonReason, PERSON_TEXT_MAX.reason],
  ["access refusal reason", ZDecideAccess.shape.reason, PERSON_TEXT_MAX.reason],
];

describe("each form's length limit is the server's", () => {
  it.each(cases)("%s: %i characters", (_, schema, limit) => {
    expect(schema.safeParse("x".repeat(limit)).success).toBe(true);
    const refused = schema.safeParse("x".repeat(limit + 1));
    expect(refused.error?.issues[0]?.message).toBe(`At most ${limit.toLocaleString("en")} characters.`);
  });

  it("no form keeps a second, hand-written copy of a limit", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const copies: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith(".tsx") && /maxLength=\{\d/.test(readFileSync(file, "utf8"))) copies.push(path.relative(root, file));
      }
    };
    walk(path.join(root, "app"));
    walk(path.join(root, "components"));
    expect(copies).toEqual([]);
  });
});
