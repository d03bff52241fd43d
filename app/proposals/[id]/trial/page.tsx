import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Card, EmptyState, PageHeader, secondaryButtonClass } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { pageData } from "@/lib/page-data";
import { TRIAL_STATUSES } from "@/lib/proposals/workflow";
import { getTrial } from "@/lib/trials/queries";
import { AccrualCard } from "./AccrualCard";
import { ComponentStudiesCard } from "./ComponentStudiesCard";
import { createTrialAction } from "./actions";
import { DetailsCard } from "./DetailsCard";
import { MilestonesCard } from "./MilestonesCard";
import { RegistryCard } from "./RegistryCard";
import { SitesCard } from "./SitesCard";
import { StartupCard } from "./StartupCard";
import { getStartup } from "@/lib/startup/queries";
import { DocumentsCard } from "@/components/documents/DocumentsCard";
import { listDocuments } from "@/lib/documents/queries";

// The trial record of a proposal in planning or underway: one card for each part of it.
export const metadata = { title: "Trial" };

export default async function TrialPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sites?: string | string[]; country?: string | string[] }>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const path = `/proposals/${id}/trial`;
  const { actor, session } = await requirePage("proposal.view", path);
  const view = {
    query: typeof query.sites === "string" ? query.sites : undefined,
    country: typeof query.country === "string" ? query.country : undefined,
  };
  const { proposal, trial, canManage, canReportFor, canUploadDocuments, organizations, sites, monitor, studies } = await pageData(
    getTrial(actor, id, view),
    path,
  );
  const header = <PageHeader title="Trial" description={<Link href={`/proposals/${id}`}>{proposal.title}</Link>} />;
  if (!trial) {
    const ready = (TRIAL_STATUSES as readonly string[]).includes(proposal.status);
    return (
      <>
        {header}
        <Card>
          {canManage && ready ? (
            <ActionForm action={createTrialAction.bind(null, id)} submitLabel="Create the trial record">
              <p className="text-sm text-slate-700">Record registry ids, accrual, sites and milestones as the trial is planned and run.</p>
            </ActionForm>
          ) : (
            <EmptyState>{ready ? "No trial record yet." : "A trial record starts when the proposal is in planning."}</EmptyState>
          )}
        </Card>
      </>
    );
  }
  const cardProps = { id, proposal, trial, canManage, canReportFor, organizations, sites, monitor, studies };
  const [startup, documents] = await Promise.all([
    pageData(getStartup(actor, trial.id), path),
    pageData(listDocuments(actor, id, "TRIAL"), path),
  ]);

  return (
    <>
      {header}
      <div className="mb-6 flex flex-wrap gap-2">
        {canManage ? (
          <Link href={`${path}/import`} className={secondaryButtonClass}>
            Import from ClinicalTrials.gov
          </Link>
        ) : null}
        <Link href={`/proposals/${id}/print`} className={secondaryButtonClass}>
          Printable summary
        </Link>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <DetailsCard {...cardProps} />

        <RegistryCard {...cardProps} />

        <ComponentStudiesCard {...cardProps} />

        <AccrualCard {...cardProps} />

        <MilestonesCard {...cardProps} />

        <SitesCard {...cardProps} />

        <StartupCard id={id} trialId={trial.id} startup={startup} />

        <DocumentsCard
          proposalId={id}
          scope="TRIAL"
          documents={documents}
          zone={viewerTimeZone(session)}
          canUpload={canUploadDocuments}
          studies={trial.componentStudies.map((s) => ({ id: s.id, name: s.name }))}
        />
      </div>
    </>
  );
}
