import Link from "next/link";
import { forbidden } from "next/navigation";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { getTrial } from "@/lib/trials/queries";
import { ImportForm } from "./ImportForm";

export const metadata = { title: "Import from ClinicalTrials.gov" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/proposals/${id}/trial/import`;
  const { actor } = await requirePage("proposal.view", path);
  const { proposal, trial, canManage } = await pageData(getTrial(actor, id), path);
  if (!canManage) forbidden();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Import from ClinicalTrials.gov" description={<Link href={`/proposals/${id}/trial`}>{proposal.title}</Link>} />
      <Card>
        {trial ? (
          <ImportForm proposalId={id} trialId={trial.id} nctId={trial.registryIds.find((r) => r.registry === "NCT")?.value} />
        ) : (
          <EmptyState>Create the trial record first.</EmptyState>
        )}
      </Card>
    </div>
  );
}
