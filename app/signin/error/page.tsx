import Link from "next/link";
import { Card } from "@/components/ui";

export const metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or has already been used. Links work once, for 24 hours.",
  AccessDenied: "This address cannot sign in to the portal. Ask the IRCI secretariat if you think it should.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = (error && MESSAGES[error]) ?? "Something went wrong while signing you in. Please try again.";
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">We could not sign you in</h1>
        <p className="mt-3 text-slate-700" role="alert">
          {message}
        </p>
        <p className="mt-6">
          <Link href="/signin">Ask for a new link</Link>
        </p>
      </Card>
    </div>
  );
}
