// Adding, deactivating and reactivating people from the command line (npm run people), which acts
// as the system operator (actorId null): the first secretariat account of a deployment, and the
// recovery path when the portal's own people management cannot help (an organization whose only
// representative left, the last secretariat person locked out). So, unlike lib/people/mutations.ts,
// it keeps none of the "last representative" or "not yourself" guards: the operator is trusted with
// the database already. Each change is audited in its transaction.
import { z } from "zod";
import { plainText } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/prisma-client";
import { isUniqueViolation } from "@/lib/retry";

export const ZAddPerson = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("a valid email address")),
    name: plainText(200).pipe(z.string().min(1, "a name")),
    org: z.string().trim().toLowerCase().optional(),
    role: z.enum(["MEMBER", "DEPUTY", "REPRESENTATIVE"]).default("MEMBER"),
    secretariat: z.boolean().default(false),
  })
  .refine((p) => p.org || p.secretariat, { message: "a person belongs to an organization or to the secretariat (or both)" });

export type AddPerson = z.input<typeof ZAddPerson>;

export async function addPerson(db: PrismaClient, raw: AddPerson, actorId: string | null) {
  const parsed = ZAddPerson.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("INVALID", parsed.error.issues.map((i) => `${i.path.join(".") || "person"}: ${i.message}`).join("; "));
  }
  const input = parsed.data;
  const org = input.org ? await db.organization.findUnique({ where: { slug: input.org } }) : null;
  if (input.org && !org) throw new AppError("INVALID", `No organization "${input.org}".`);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          secretariat: input.secretariat,
          membership: org ? { create: { organizationId: org.id, role: input.role } } : undefined,
        },
      });
      await tx.auditEvent.create({
        data: {
          actorId,
          action: "person.added",
          entityType: "user",
          entityId: user.id,
          organizationId: org?.id,
          data: { email: input.email, role: org ? input.role : null, secretariat: input.secretariat },
        },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `${input.email} is already in the portal.`);
    }
    throw error;
  }
}

/** Deactivates a person: no more sign-ins, and every open session ends now. */
export async function deactivatePerson(db: PrismaClient, email: string, reason: string, actorId: string | null) {
  const normalized = email.trim().toLowerCase();
  if (!reason.trim()) throw new AppError("INVALID", "Give a reason for deactivating someone.");
  return db.$transaction(async (tx) => {
    // Guarded by `active: true`, so two concurrent deactivations audit once.
    const { count } = await tx.user.updateMany({
      where: { email: normalized, active: true },
      data: { active: false, deactivatedAt: new Date(), deactivationReason: reason.trim() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", `No active person with the address ${normalized}.`);
    const user = await tx.user.findUniqueOrThrow({ where: { email: normalized } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.auditEvent.create({
      data: { actorId, action: "person.deactivated", entityType: "user", entityId: user.id, reason: reason.trim() },
    });
    return user;
  });
}

/** Lets a deactivated person sign in again (the reason they were deactivated stays on record). */
export async function reactivatePerson(db: PrismaClient, email: string, actorId: string | null) {
  const normalized = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { email: normalized, active: false }, data: { active: true } });
    if (count === 0) throw new AppError("NOT_FOUND", `No deactivated person with the address ${normalized}.`);
    const user = await tx.user.findUniqueOrThrow({ where: { email: normalized } });
    await tx.auditEvent.create({ data: { actorId, action: "person.reactivated", entityType: "user", entityId: user.id } });
    return user;
  });
}
