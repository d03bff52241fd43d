import { z } from "zod";
import { plainText } from "@/lib/validation";
import { wallTimeInZone } from "@/lib/wall-time";
import { defaultQuorum } from "./tally";
import { BALLOT_RATIONALE_MAX, CLOSE_REASON_MAX } from "./limits";

/** A vote stays open at least a day, so every office sees it during its working day… */
export const MIN_OPEN_MINUTES = 24 * 60;
/** …except in the demo, where a vote can be watched closing a minute after it opens… */
export const DEMO_MIN_OPEN_MINUTES = 1;
/** …and at most this long. */
export const MAX_OPEN_DAYS = 60;

/** A vote's rules, for as many member organizations as there are when it opens. */
export function openVoteSchema(memberOrganizations: number) {
  return z.object({
    closesAt: z.coerce.date({ message: "Choose when the vote closes." }),
    quorum: z.coerce
      .number({ message: "The quorum is a number of organizations." })
      .int("The quorum is a whole number of organizations.")
      .min(1, "At least one organization must vote.")
      .max(memberOrganizations, `There are ${memberOrganizations} member organizations.`)
      .default(defaultQuorum(memberOrganizations)),
    passRule: z
      .enum(["MORE_APPROVE_THAN_REJECT", "TWO_THIRDS_OF_DECIDED"], { message: "Choose a pass rule." })
      .default("MORE_APPROVE_THAN_REJECT"),
  });
}

export function closingTimeProblem(closesAt: Date, now: Date, minMinutes = MIN_OPEN_MINUTES): string | null {
  const minutes = (closesAt.getTime() - now.getTime()) / 60_000;
  if (Number.isNaN(minutes)) return "Choose when the vote closes.";
  if (minutes < 0) return "The closing time must be in the future.";
  if (minutes < minMinutes)
    return minMinutes >= 60
      ? `A vote stays open at least ${minMinutes / 60} hours, so every office can take part.`
      : "The closing time must be at least a minute away.";
  if (minutes > MAX_OPEN_DAYS * 24 * 60) return `A vote stays open at most ${MAX_OPEN_DAYS} days.`;
  return null;
}

export const ZBallot = z
  .object({
    choice: z.enum(["APPROVE", "REJECT", "ABSTAIN", "RECUSE"], { message: "Choose approve, reject, abstain or recuse." }),
    rationale: plainText(BALLOT_RATIONALE_MAX),
  })
  .refine((b) => b.choice !== "RECUSE" || b.rationale.length > 0, {
    path: ["rationale"],
    message: "Say what the conflict of interest is: a recusal is recorded with its reason.",
  });

/** Why a vote closes before its time: everyone sees it. */
export const ZCloseReason = plainText(CLOSE_REASON_MAX).pipe(
  z.string().min(1, "Say why the vote closes before its time: everyone will see it."),
);

/** The closing time a new vote suggests: a week from now, on the hour, as the person's zone writes it. */
export function suggestedClosingTime(timeZone: string, now = new Date()): string {
  return wallTimeInZone(new Date(Math.ceil((now.getTime() + 7 * 86_400_000) / 3_600_000) * 3_600_000), timeZone);
}
