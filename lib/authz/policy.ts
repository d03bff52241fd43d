// Who may do what, as data. Pure: no Next.js, no Prisma, so it is tested in milliseconds and
// reads like the rule it encodes. Every read and write in lib/ asks `can` before touching data.

/** What a signed-in person is, as far as permissions go. */
export interface Actor {
  userId: string;
  organizationId: string | null;
  orgRole: OrgRoleName | null;
  secretariat: boolean;
}

/** A person's role in their organization. A deputy acts for it as its representative does. */
export type OrgRoleName = "MEMBER" | "DEPUTY" | "REPRESENTATIVE";

/** Whether the actor acts for their organization: its representative or one of its deputies. */
export function actsForOrganization(actor: Pick<Actor, "organizationId" | "orgRole"> | null): boolean {
  return Boolean(actor?.organizationId && (actor.orgRole === "REPRESENTATIVE" || actor.orgRole === "DEPUTY"));
}

/**
 * The capabilities a person can hold. A representative is also a member of their organization; a
 * deputy representative holds the representative's capability (they act for the organization).
 */
export type Capability = "member" | "representative" | "secretariat";

export const PERMISSIONS = {
  "dashboard.view": ["member", "representative", "secretariat"],
  "organization.list": ["member", "representative", "secretariat"],
  "organization.view": ["member", "representative", "secretariat"],
  /** Admitting a member organization. */
  "organization.add": ["secretariat"],
  "group.list": ["member", "representative", "secretariat"],
  "group.view": ["member", "representative", "secretariat"],
  "audit.view": ["secretariat"],
  "people.view": ["secretariat"],
  "proposal.list": ["member", "representative", "secretariat"],
  "proposal.view": ["member", "representative", "secretariat"],
  /** Further limited to members of the proposal's expert group (see lib/proposals/access.ts). */
  "proposal.create": ["member", "representative", "secretariat"],
  /** Only for the representative's own organization, which is never taken from the request. */
  "interest.record": ["representative"],
  "pipeline.view": ["secretariat"],
  "settings.manage": ["secretariat"],
  /** Further limited to chairs (see lib/groups/access.ts). */
  "group.manage": ["member", "representative", "secretariat"],
  "vote.view": ["member", "representative", "secretariat"],
  /** Further limited to the group's chairs (see lib/votes/mutations.ts). */
  "vote.open": ["member", "representative", "secretariat"],
  /** For the representative's own organization only. */
  "ballot.cast": ["representative"],
  "vote.closeEarly": ["secretariat"],
  /** One's own email settings only: the person is never taken from the request. */
  "email.settings": ["member", "representative", "secretariat"],
  /** The outbox's state: what waits, what failed and why. */
  "mail.status": ["secretariat"],
  /** Inviting, changing roles, deactivating, deciding access requests: further limited to the
   *  representative's (or deputy's) own organization (rule "people.manage" in rules.ts). */
  "people.manage": ["representative", "secretariat"],
  /** An organization's single sign-on (its identity provider). */
  "sso.configure": ["secretariat"],
  /** One's own account: organization, roles, sessions. The person is never taken from the request. */
  "account.view": ["member", "representative", "secretariat"],
} as const satisfies Record<string, readonly Capability[]>;

export type Permission = keyof typeof PERMISSIONS;

export function capabilitiesOf(actor: Actor | null): Capability[] {
  if (!actor) return [];
  const caps: Capability[] = [];
  if (actor.organizationId && actor.orgRole) caps.push("member");
  if (actsForOrganization(actor)) caps.push("representative");
  if (actor.secretariat) caps.push("secretariat");
  return caps;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  const allowed: readonly Capability[] = PERMISSIONS[permission];
  return capabilitiesOf(actor).some((c) => allowed.includes(c));
}

export type Refusal = "unauthenticated" | "forbidden";

/** Why `can` said no: nobody signed in, or signed in without the capability. */
export function refusal(actor: Actor | null, permission: Permission): Refusal | null {
  if (can(actor, permission)) return null;
  return actor ? "forbidden" : "unauthenticated";
}
