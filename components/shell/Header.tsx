import Link from "next/link";
import type { Session } from "next-auth";
import { can } from "@/lib/authz/policy";
import { ORG_ROLE_LABEL } from "@/components/labels";
import { actorOf } from "@/lib/authz/session";
import { NavLinks } from "./NavLinks";
import { UserMenu } from "./UserMenu";

export function roleLabel(user: Session["user"]): string {
  const parts: string[] = [];
  if (user.organization) parts.push(`${user.orgRole ? ORG_ROLE_LABEL[user.orgRole] : "Member"}, ${user.organization.shortName}`);
  if (user.secretariat) parts.push("IRCI Secretariat");
  return parts.join(" · ") || "No organization";
}

export function Header({ session, unread = 0 }: { session: Session | null; unread?: number }) {
  const actor = actorOf(session);
  const links = actor
    ? [
        { href: "/dashboard", label: "Dashboard" },
        { href: "/organizations", label: "Organizations" },
        { href: "/proposals", label: "Proposals" },
        { href: "/portfolio", label: "Portfolio" },
        { href: "/groups", label: "Expert groups" },
        { href: "/decisions", label: "Decisions" },
        ...(can(actor, "pipeline.view") ? [{ href: "/pipeline", label: "Pipeline" }] : []),
        ...(can(actor, "people.view") ? [{ href: "/admin/people", label: "People" }] : []),
        ...(can(actor, "audit.view") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
        ...(can(actor, "settings.manage") ? [{ href: "/admin/settings", label: "Settings" }] : []),
      ]
    : [];
  return (
    <header className="relative bg-brand-700 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href={actor ? "/dashboard" : "/"} className="flex items-center gap-2 text-white no-underline hover:no-underline">
          <span aria-hidden className="rounded bg-white px-1.5 py-0.5 text-sm font-black tracking-wider text-brand-800">
            IRCI
          </span>
          <span className="sr-only font-semibold sm:not-sr-only">Rare Cancer Portal</span>
        </Link>
        <nav aria-label="Main" className="min-w-0 flex-1">
          <NavLinks
            links={
              actor
                ? links
                : [
                    { href: "/trials", label: "Trials" },
                    { href: "/decisions", label: "Decisions" },
                  ]
            }
          />
        </nav>
        {session?.user ? (
          <div className="flex items-center gap-3">
            <Link
              href="/notifications"
              className="relative rounded-full p-2 text-white no-underline hover:bg-brand-800 hover:no-underline"
              aria-label={unread > 99 ? "Notifications, more than 99 unread" : unread ? `Notifications, ${unread} unread` : "Notifications"}
            >
              <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
              </svg>
              {unread ? (
                <span
                  aria-hidden
                  className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-slate-900"
                >
                  {unread > 99 ? "99+" : unread}
                </span>
              ) : null}
            </Link>
            <span
              className="hidden rounded-md bg-brand-900 px-2 py-1 text-xs font-semibold tracking-wide md:inline"
              title={session.user.organization?.name}
            >
              {session.user.organization?.shortName ?? "IRCI Secretariat"}
            </span>
            <UserMenu name={session.user.name ?? session.user.email} email={session.user.email} roleLabel={roleLabel(session.user)} />
          </div>
        ) : (
          <Link
            href="/signin"
            className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 no-underline hover:bg-brand-50 hover:no-underline"
          >
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
