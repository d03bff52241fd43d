import Link from "next/link";
import { Card } from "@/components/ui";
import { config } from "@/lib/config";

export const metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const { captureMail } = config();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-semibold">Check your email</h1>
        <p className="mt-3 text-slate-700" role="status">
          If <strong>{email ?? "that address"}</strong> belongs to a member of the portal, a sign-in link is on its way. It works once and
          expires in 24 hours.
        </p>
        <p className="mt-3 text-sm text-slate-600">
          Nothing after a few minutes? Check the address, look in your spam folder, or ask the IRCI secretariat to add you.
        </p>
        {captureMail ? (
          <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
            Demo: mail is not sent from here. Open the{" "}
            <Link href="/dev/mailbox" className="font-semibold text-amber-950 underline">
              development mailbox
            </Link>
            .
          </p>
        ) : null}
        <p className="mt-6 text-sm">
          <Link href="/signin">Use a different address</Link>
        </p>
      </Card>
    </div>
  );
}
