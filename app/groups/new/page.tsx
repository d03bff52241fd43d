import { forbidden } from "next/navigation";
import { Card, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { mayConveneGroup } from "@/lib/groups/queries";
import { NewGroupForm } from "./NewGroupForm";

export const metadata = { title: "Convene an expert group" };

export default async function NewGroupPage() {
  const { actor } = await requirePage("group.manage", "/groups/new");
  if (!(await mayConveneGroup(actor))) forbidden();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Convene an expert group" description="Around one rare cancer. You can add members from any organization next." />
      <Card>
        <NewGroupForm />
      </Card>
    </div>
  );
}
