// People for permission tests: one of each kind of actor, made fresh in the test database.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/policy";
import type { PrismaClient } from "@/lib/prisma-client";

export async function makePerson(
  db: PrismaClient,
  options: { org?: string; role?: "MEMBER" | "DEPUTY" | "REPRESENTATIVE"; secretariat?: boolean; demo?: boolean } = {},
): Promise<Actor & { email: string }> {
  const email = `person-${randomBytes(4).toString("hex")}@test.irci.example`;
  const org = options.org ? await db.organization.findUniqueOrThrow({ where: { slug: options.org } }) : null;
  const user = await db.user.create({
    data: {
      email,
      name: `Test ${email.slice(7, 15)}`,
      secretariat: options.secretariat ?? false,
      demo: options.demo ?? false,
      membership: org ? { create: { organizationId: org.id, role: options.role ?? "MEMBER" } } : undefined,
    },
  });
  return {
    userId: user.id,
    email,
    organizationId: org?.id ?? null,
    orgRole: org ? (options.role ?? "MEMBER") : null,
    secretariat: user.secretariat,
  };
}

/** The actor a seeded person signs in as. */
export async function actorFor(db: PrismaClient, email: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, include: { membership: true } });
  return {
    userId: u.id,
    organizationId: u.membership?.organizationId ?? null,
    orgRole: u.membership?.role ?? null,
    secretariat: u.secretariat,
  };
}

/** The expected refusal of a call: fails the test if it succeeds or fails otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<AppError & { fields?: Record<string, string> }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError & { fields?: Record<string, string> };
}
