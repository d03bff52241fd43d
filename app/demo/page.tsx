import { Badge, Card, PageHeader } from "@/components/ui";
import { ORG_ROLE_LABEL } from "@/components/labels";
import { listDemoPeople } from "@/lib/auth/demo";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { pageData } from "@/lib/page-data";

export const metadata = { title: "Demo sign-in" };

export default async function DemoSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const people = await pageData(listDemoPeople(), "/demo");
  return (
    <>
      <PageHeader
        title="Sign in as a demo person"
        description="Everyone here is fictional. Pick a role to see the portal as that person sees it; each click signs you in through the same single-use link a real sign-in mails."
      />
      <Card>
        <ul className="divide-y divide-slate-100">
          {people.map((person) => (
            <li key={person.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">{person.name}</p>
                <p className="text-sm text-slate-600">{person.email}</p>
                <div className="mt-1 flex flex-wrap gap-1">
                  {person.secretariat ? <Badge tone="violet">IRCI Secretariat</Badge> : null}
                  {person.membership ? (
                    <Badge tone={person.membership.role === "MEMBER" ? "neutral" : "brand"}>
                      {person.membership.organization.shortName} {ORG_ROLE_LABEL[person.membership.role].toLowerCase()}
                    </Badge>
                  ) : null}
                  {person.groupRoles.map((g) => (
                    <Badge key={g.group.name} tone="green">
                      Chair: {g.group.name.replace(/ expert group$/, "")}
                    </Badge>
                  ))}
                </div>
              </div>
              <form method="post" action="/demo/sign-in">
                <input type="hidden" name="userId" value={person.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button
                  type="submit"
                  className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
                  aria-label={`Sign in as ${person.name}`}
                >
                  Sign in as {person.name?.split(" ")[0]}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
