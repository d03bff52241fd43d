import "server-only";
// Deciding an access request: someone the portal did not know signed in through their
// organization's provider. Approving makes them a member with that identity linked; refusing tells
// them why. Guarded on the request still pending, so two decisions at once make one.
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
import { ZDecideAccess } from "./schema";

export async function decideAccessRequest(actor: Actor | null, requestId: unknown, raw: unknown) {
  assertCan(actor, "people.manage");
  const id = requireKey(requestId, "access request");
  const request = await db.accessRequest.findUnique({
    where: { id },
    include: { organization: { select: { id: true, slug: true, shortName: true, name: true } } },
  });
  if (!request) throw new AppError("NOT_FOUND", "No such access request.");
  assertAllowed(actor, "people.manage", { organizationId: request.organizationId });
  const parsed = ZDecideAccess.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const { decision, reason } = parsed.data;
  const org = request.organization;
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.accessRequest.updateMany({
        where: { id, status: "PENDING" },
        data: {
          status: decision === "approve" ? "APPROVED" : "REFUSED",
          decidedAt: new Date(),
          decidedById: actor.userId,
          reason: reason || null,
        },
      });
      if (count === 0) throw new AppError("CONFLICT", "This request has already been decided.");
      if (decision === "approve") {
        const user = await tx.user.create({
          data: {
            email: request.email,
            name: request.name,
            membership: { create: { organizationId: org.id, role: "MEMBER" } },
            accounts: { create: { type: "oauth", provider: request.provider, providerAccountId: request.subject } },
          },
        });
        await audit(tx, {
          actorId: actor.userId,
          action: "access.approved",
          entityType: "access_request",
          entityId: id,
          organizationId: org.id,
          data: { email: request.email, userId: user.id, provider: request.provider },
        });
        await queueAccessMail(
          tx,
          { userId: user.id, email: request.email },
          {
            subject: "You can now use the IRCI portal",
            paragraphs: [
              `Your request to use the International Rare Cancer Initiative portal was approved: you are a member of ${org.name} (${org.shortName}).`,
              `Sign in as you did before, with ${org.shortName}'s sign-in.`,
            ],
            link: { url: `${config().NEXTAUTH_URL.replace(/\/+$/, "")}/signin?callbackUrl=/dashboard`, label: "Sign in to the portal" },
          },
        );
      } else {
        await audit(tx, {
          actorId: actor.userId,
          action: "access.refused",
          entityType: "access_request",
          entityId: id,
          organizationId: org.id,
          reason,
          data: { email: request.email, provider: request.provider },
        });
        await queueAccessMail(
          tx,
          { userId: null, email: request.email },
          {
            subject: "Your request to use the IRCI portal",
            paragraphs: [
              `Your request to use the International Rare Cancer Initiative portal as a member of ${org.name} (${org.shortName}) was not approved.`,
              `The reason given: ${reason}`,
              `If you think this is a mistake, ask ${org.shortName}'s representative or the IRCI secretariat.`,
            ],
          },
        );
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError({
        decision: `${request.email} (or this sign-in identity) is already in the portal: refuse this request with that reason.`,
      });
    }
    throw error;
  }
  nudgeMailWorker();
  return { request, decision };
}
