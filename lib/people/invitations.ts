import "server-only";
// Inviting someone into the portal by email. The link carries a random token of which only the
// SHA-256 hash is stored; it works once, for INVITATION_LIFETIME_DAYS, and a newer invitation to the
// same address withdraws the older one. Accepting creates the person in one transaction, guarded on
// the invitation still being open, so two clicks make one account.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { assertAllowed } from "@/lib/authz/rules";
import { assertCan } from "@/lib/authz/session";
import type { Actor } from "@/lib/authz/policy";
import { config } from "@/lib/config";
import { AppError, ValidationError, fieldErrors } from "@/lib/errors";
import { nudgeMailWorker } from "@/lib/jobs/nudge";
import { isUniqueViolation } from "@/lib/retry";
import { requireKey } from "@/lib/validation";
import { queueAccessMail } from "./mail";
import { ROLE_WORDS, ZAcceptInvitation, ZInvite } from "./schema";

export const INVITATION_LIFETIME_DAYS = 7;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function invitationUrl(token: string): string {
  return `${config().NEXTAUTH_URL.replace(/\/+$/, "")}/invitations/${token}`;
}

/** Invites someone by email. Representatives and deputies invite into their own organization only. */
export async function invite(actor: Actor | null, raw: unknown) {
  assertCan(actor, "people.manage");
  const parsed = ZInvite.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const input = parsed.data;
  // A representative's invitation is for their own organization when the form names none.
  const organizationId = input.organizationId || (actor.secretariat ? null : actor.organizationId);
  const organization = organizationId
    ? await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, shortName: true, name: true, slug: true } })
    : null;
  if (organizationId && !organization) throw new ValidationError({ organizationId: "Choose an organization from the list." });
  assertAllowed(actor, "people.manage", { organizationId: organization?.id ?? null });
  if (input.secretariat && !actor.secretariat) throw new AppError("FORBIDDEN", "Only the secretariat grants the secretariat's capability.");
  if (!organization && !input.secretariat) {
    throw new ValidationError({ organizationId: "Choose their organization, or invite them to the secretariat." });
  }
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ValidationError({ email: `${input.email} is already in the portal: change their role on their organization's people page.` });
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000);
  const invitation = await db.$transaction(async (tx) => {
    // One invitation at a time per address: concurrent invitations to it are made one after the other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`people:invite:${input.email}`}))`;
    const withdrawn = await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null, ...(actor.secretariat ? {} : { organizationId: organization!.id }) },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        email: input.email,
        organizationId: organization?.id ?? null,
        role: input.role,
        secretariat: input.secretariat,
        tokenHash: hashToken(token),
        expiresAt,
        invitedById: actor.userId,
      },
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "invitation.sent",
      entityType: "invitation",
      entityId: created.id,
      organizationId: organization?.id,
      data: { email: input.email, role: organization ? input.role : null, secretariat: input.secretariat, withdrawn: withdrawn.count },
    });
    const what = [
      organization ? `as a ${ROLE_WORDS[input.role]} of ${organization.name} (${organization.shortName})` : null,
      input.secretariat ? `${organization ? "and " : ""}as a member of the IRCI secretariat` : null,
    ]
      .filter(Boolean)
      .join(" ");
    await queueAccessMail(
      tx,
      { userId: null, email: input.email },
      {
        subject: "You are invited to the IRCI portal",
        paragraphs: [
          `You are invited to the International Rare Cancer Initiative portal ${what}.`,
          `Open the link to accept; it works once and expires in ${INVITATION_LIFETIME_DAYS} days. If you did not expect this, ignore this message.`,
        ],
        link: { url: invitationUrl(token), label: "Accept the invitation" },
      },
    );
    return created;
  });
  nudgeMailWorker();
  return { invitation, organization, token };
}

/** Withdraws an open invitation: its link stops working. */
export async function revokeInvitation(actor: Actor | null, invitationId: unknown) {
  assertCan(actor, "people.manage");
  const id = requireKey(invitationId, "invitation");
  const invitation = await db.invitation.findUnique({
    where: { id },
    select: { id: true, email: true, organizationId: true, organization: { select: { slug: true } } },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "No such invitation.");
  assertAllowed(actor, "people.manage", { organizationId: invitation.organizationId });
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "This invitation was already accepted or withdrawn.");
    await audit(tx, {
      actorId: actor.userId,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: id,
      organizationId: invitation.organizationId,
      data: { email: invitation.email },
    });
  });
  return invitation;
}

export type InvitationState = "open" | "expired" | "accepted" | "revoked";

function stateOf(i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  if (i.expiresAt <= now) return "expired";
  return "open";
}

/** Why a link no longer works, in words for the person holding it. */
export const INVITATION_CLOSED: Record<Exclude<InvitationState, "open">, string> = {
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  accepted: "This invitation has already been accepted. Sign in with the address it was sent to.",
  revoked: "This invitation was withdrawn (perhaps a newer one was sent). Look for a newer email, or ask the person who invited you.",
};

/** The invitation a link names, for its public page (anyone holding the link may read it). */
export async function invitationByToken(token: unknown) {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      secretariat: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true, shortName: true } },
      invitedBy: { select: { name: true } },
    },
  });
  return invitation ? { ...invitation, state: stateOf(invitation) } : null;
}

/** Accepts an invitation: the person, their membership and the invitation's use, in one transaction. */
export async function acceptInvitation(token: unknown, raw: unknown) {
  const key = requireKey(token, "invitation");
  const parsed = ZAcceptInvitation.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const tokenHash = hashToken(key);
  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      // Only an open invitation is taken: a second click (or a second tab) finds it used.
      const { count } = await tx.invitation.updateMany({
        where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      const invitation = await tx.invitation.findUnique({ where: { tokenHash }, include: { organization: true } });
      if (!invitation) throw new AppError("NOT_FOUND", "No such invitation. Check that the whole link was copied.");
      if (count === 0) throw new AppError("CONFLICT", INVITATION_CLOSED[stateOf(invitation, now) as Exclude<InvitationState, "open">]);
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: parsed.data.name,
          // Opening the emailed link proved the address.
          emailVerified: now,
          secretariat: invitation.secretariat,
          membership: invitation.organizationId
            ? { create: { organizationId: invitation.organizationId, role: invitation.role } }
            : undefined,
        },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
      await audit(tx, {
        actorId: user.id,
        action: "invitation.accepted",
        entityType: "invitation",
        entityId: invitation.id,
        organizationId: invitation.organizationId,
        data: { email: invitation.email, role: invitation.organizationId ? invitation.role : null, secretariat: invitation.secretariat },
      });
      if (invitation.invitedById) {
        await tx.notification.create({
          data: {
            userId: invitation.invitedById,
            kind: "account.invitation_accepted",
            title: `${user.name} accepted your invitation to the portal`,
            link: invitation.organization ? `/organizations/${invitation.organization.slug}/people` : "/admin/people",
          },
        });
      }
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Someone with this address is already in the portal: sign in instead.");
    throw error;
  }
}
