// People for permission tests: one of each kind of actor, made fresh in the test database.
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/authz/policy";
import type { PrismaClient } from "@/lib/prisma-client";

export async function makePerson(
  db: PrismaClient,
  options: { org?: string; role?: "MEMBER" | "REPRESENTATIVE"; secretariat?: boolean; demo?: boolean } = {},
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
