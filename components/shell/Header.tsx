import Link from "next/link";
import type { Session } from "next-auth";
import { can } from "@/lib/authz/policy";
import { actorOf } from "@/lib/authz/session";
import { NavLinks } from "./NavLinks";
import { UserMenu } from "./UserMenu";

export function roleLabel(user: Session["user"]): string {
  const parts: string[] = [];
  if (user.organization) parts.push(`${user.orgRole === "REPRESENTATIVE" ? "Representative" : "Member"}, ${user.organization.shortName}`);
  if (user.secretariat) parts.push("IRCI Secretariat");
  return parts.join(" · ") || "No organization";
}

export function Header({ session }: { session: Session | null }) {
  const actor = actorOf(session);
  const links = actor
    ? [
        { href: "/dashboard", label: "Dashboard" },
        { href: "/organizations", label: "Organizations" },
        { href: "/proposals", label: "Proposals" },
        { href: "/portfolio", label: "Portfolio" },
        { href: "/groups", label: "Expert groups" },
        ...(can(actor, "pipeline.view") ? [{ href: "/pipeline", label: "Pipeline" }] : []),
        ...(can(actor, "audit.view") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
        ...(can(actor, "settings.manage") ? [{ href: "/admin/settings", label: "Settings" }] : []),
      ]
    : [];
  return (
    <header className="bg-brand-700 text-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={actor ? "/dashboard" : "/"} className="flex items-center gap-2 text-white no-underline hover:no-underline">
          <span aria-hidden className="rounded bg-white px-1.5 py-0.5 text-sm font-black tracking-wider text-brand-800">IRCI</span>
          <span className="font-semibold">Rare Cancer Portal</span>
        </Link>
        <nav aria-label="Main" className="flex-1">
          <NavLinks links={actor ? links : [{ href: "/trials", label: "Trials" }]} />
        </nav>
        {session?.user ? (
          <div className="flex items-center gap-3">
            <span className="hidden rounded-md bg-brand-900 px-2 py-1 text-xs font-semibold tracking-wide md:inline" title={session.user.organization?.name}>
              {session.user.organization?.shortName ?? "IRCI Secretariat"}
            </span>
            <UserMenu name={session.user.name ?? session.user.email} email={session.user.email} roleLabel={roleLabel(session.user)} />
          </div>
        ) : (
          <Link href="/signin" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 no-underline hover:bg-brand-50 hover:no-underline">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
