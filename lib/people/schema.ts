// What the people-management forms send, checked at the boundary. Pure: zod only.
import { z } from "zod";
import { formId, plainText } from "@/lib/validation";
import { PERSON_TEXT_MAX } from "./limits";

export const ORG_ROLES = ["MEMBER", "DEPUTY", "REPRESENTATIVE"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const role = z.enum(ORG_ROLES, { message: "Choose member, deputy representative or representative." });
const yesNo = z.enum(["yes", ""], { message: "Tick the box or leave it empty." }).transform((v) => v === "yes");

export const ZEmail = z
  .string({ message: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(PERSON_TEXT_MAX.email, `At most ${PERSON_TEXT_MAX.email} characters.`)
  .pipe(z.email("Enter an email address such as name@organization.org."));

export const ZInvite = z.object({
  email: ZEmail,
  role,
  /** "" for a secretariat-only person (the secretariat's choice alone). */
  organizationId: z.union([z.literal(""), formId("Choose an organization from the list.")]),
  secretariat: yesNo,
});

export const ZAcceptInvitation = z.object({
  name: plainText(PERSON_TEXT_MAX.name).pipe(z.string().min(1, "Enter your name as colleagues know it.")),
});

export const ZSetRole = z.object({ role });

export const ZReason = plainText(PERSON_TEXT_MAX.reason).pipe(z.string().min(1, "Give a reason: the person is told it."));

export const ZSetSecretariat = z.object({
  secretariat: z.enum(["yes", "no"], { message: "Choose to grant or to remove it." }).transform((v) => v === "yes"),
});

export const ZDecideAccess = z
  .object({
    decision: z.enum(["approve", "refuse"], { message: "Choose to approve or to refuse." }),
    reason: plainText(PERSON_TEXT_MAX.reason),
  })
  .refine((d) => d.decision === "approve" || d.reason.length > 0, {
    path: ["reason"],
    message: "Give a reason for refusing: the person is told it.",
  });

export const ZPeopleFilter = z.object({
  q: plainText(PERSON_TEXT_MAX.search).catch(""),
  org: z.union([z.literal(""), formId("organization")]).catch(""),
  status: z.enum(["", "active", "deactivated"]).catch(""),
});

/** A role as a sentence says it ("is now a deputy representative"). */
export const ROLE_WORDS: Record<OrgRole, string> = {
  MEMBER: "member",
  DEPUTY: "deputy representative",
  REPRESENTATIVE: "representative",
};
