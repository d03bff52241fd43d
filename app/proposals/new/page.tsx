import { Card, EmptyState, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { newProposalOptions } from "@/lib/proposals/queries";
import { pageData } from "@/lib/page-data";
import { NewProposalForm } from "./NewProposalForm";

export const metadata = { title: "New proposal" };

export default async function NewProposalPage() {
  const { actor } = await requirePage("proposal.create", "/proposals/new");
  const { groups, organizations } = await pageData(newProposalOptions(actor), "/proposals/new");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Start a trial proposal" description="A draft belongs to an expert group; its members write it together." />
      <Card>
        {groups.length === 0 ? (
          <EmptyState>You can start a proposal in an expert group you belong to. Ask a chair to add you to one.</EmptyState>
        ) : (
          <NewProposalForm groups={groups} organizations={organizations} defaultLead={actor.organizationId ?? undefined} />
        )}
      </Card>
    </div>
  );
}
