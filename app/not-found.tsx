import Link from "next/link";
import { Card } from "@/components/ui";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-3 text-slate-700">There is nothing at this address, or it is not shared with you.</p>
        <p className="mt-6">
          <Link href="/">Go to the start page</Link>
        </p>
      </Card>
    </div>
  );
}
