import { Card, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { getProposalToEdit } from "@/lib/proposals/queries";
import { EDITABLE_STATUSES, STATUS_PHRASE } from "@/lib/proposals/workflow";
import { pageData } from "@/lib/page-data";
import { forbidden } from "next/navigation";
import { ProposalEditor } from "./ProposalEditor";

export const metadata = { title: "Edit proposal" };

export default async function EditProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/proposals/${id}/edit`;
  const { actor } = await requirePage("proposal.view", path);
  const { proposal: p, canEdit } = await pageData(getProposalToEdit(actor, id), path);
  if (!canEdit) forbidden();
  const editable = EDITABLE_STATUSES.includes(p.status);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Edit proposal" description={`${p.group.name} · every save is kept as a revision`} />
      <Card>
        {editable ? (
          <ProposalEditor
            proposalId={p.id}
            version={p.version}
            initial={{
              title: p.title,
              population: p.population,
              intervention: p.intervention,
              comparator: p.comparator,
              primaryOutcome: p.primaryOutcome,
              rationale: p.rationale,
              phase: p.phase ?? "",
              randomised: p.randomised === null ? "" : String(p.randomised),
              sampleSize: p.sampleSize === null ? "" : String(p.sampleSize),
              plannedAccrualMonths: p.plannedAccrualMonths === null ? "" : String(p.plannedAccrualMonths),
              primaryEndpoint: p.primaryEndpoint,
              noOtherForum: p.noOtherForum,
            }}
          />
        ) : (
          <p>The proposal is {STATUS_PHRASE[p.status]}; only drafts can be edited. A chair can request changes to return it to draft.</p>
        )}
      </Card>
    </div>
  );
}
