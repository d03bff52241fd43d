import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueSignInToken } from "./sign-in-token";

function assertDemo() {
  if (!config().demo) throw new AppError("NOT_FOUND", "Demo sign-in is not available here.");
}

export async function listDemoPeople() {
  assertDemo();
  return db.user.findMany({
    where: { demo: true, active: true },
    orderBy: [{ secretariat: "desc" }, { membership: { organization: { shortName: "asc" } } }, { name: "asc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      email: true,
      secretariat: true,
      membership: { select: { role: true, organization: { select: { shortName: true } } } },
      groupRoles: { where: { role: "CHAIR" }, select: { group: { select: { name: true } } } },
    },
  });
}

/**
 * One-click sign-in for demo people, through next-auth's own email callback: we issue the same
 * single-use verification token a mailed link carries, so the session is made and audited exactly
 * as for a real sign-in. Refused outside demo mode and for anyone who is not a demo person.
 */
export async function demoSignInPath(userId: string, callbackUrl: string): Promise<string> {
  assertDemo();
  const person = await db.user.findFirst({ where: { id: userId, demo: true, active: true }, select: { email: true } });
  if (!person) throw new AppError("NOT_FOUND", "No such demo person.");
  return issueSignInToken(db, person.email, callbackUrl, 5 * 60);
}
