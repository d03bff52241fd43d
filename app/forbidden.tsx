import Link from "next/link";
import { Card } from "@/components/ui";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
        <p className="mt-3 text-slate-700">
          It is reserved for people with another role in the portal. If you need it for your work, ask the IRCI secretariat.
        </p>
        <p className="mt-6">
          <Link href="/dashboard">Back to your dashboard</Link>
        </p>
      </Card>
    </div>
  );
}
