import Link from "next/link";
import { Card } from "@/components/ui";
import { organizationNames } from "@/lib/auth/sso/queries";

export const metadata = { title: "Access requested" };

export default async function RequestSentPage({ searchParams }: { searchParams: Promise<{ organization?: string }> }) {
  const { organization } = await searchParams;
  const org = await organizationNames(organization);
  const who = org ? `${org.shortName}'s representative` : "Your organization's representative";
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">Your request was sent</h1>
        <p className="mt-3 text-slate-700" role="status">
          {org ? `${org.name} confirmed who you are, ` : "Your organization confirmed who you are, "}
          but you do not have an account on the IRCI portal yet. {who} or the IRCI secretariat will approve or refuse your request, and you
          will get an email either way.
        </p>
        <p className="mt-3 text-slate-700">Once it is approved, sign in the same way again.</p>
        <p className="mt-6">
          <Link href="/">Back to the portal&apos;s home page</Link>
        </p>
      </Card>
    </div>
  );
}
