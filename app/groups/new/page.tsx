import { forbidden } from "next/navigation";
import { Card, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { db } from "@/lib/db";
import { canCreateGroup } from "@/lib/groups/access";
import { NewGroupForm } from "./NewGroupForm";

export const metadata = { title: "Convene an expert group" };

export default async function NewGroupPage() {
  const { actor } = await requirePage("group.manage", "/groups/new");
  const chairs = (await db.groupMember.count({ where: { userId: actor.userId, role: "CHAIR" } })) > 0;
  if (!canCreateGroup(actor, chairs)) forbidden();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Convene an expert group" description="Around one rare cancer. You can add members from any organization next." />
      <Card>
        <NewGroupForm />
      </Card>
    </div>
  );
}
