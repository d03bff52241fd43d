import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui";
import { DecisionEntry } from "@/components/decisions/DecisionEntry";
import { actorOf, currentSession } from "@/lib/authz/session";
import { getDecision, readsWholeRegister } from "@/lib/decisions/queries";
import { DECISION_KIND_LABEL } from "@/lib/decisions/labels";
import { EditDecisionForm } from "./EditDecisionForm";

export const metadata = { title: "Decision" };

/** One decision; a visitor reads public ones only (others are not found). Its group's chairs and the secretariat edit it. */
export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = actorOf(await currentSession());
  const found = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getDecision(actor, id) : null;
  if (!found) notFound();
  const { decision, canEdit } = found;
  return (
    <>
      <PageHeader title={DECISION_KIND_LABEL[decision.kind]} actions={<Link href="/decisions">← Decision register</Link>} />
      <Card>
        <DecisionEntry d={decision} members={readsWholeRegister(actor)} heading="h2" selfLink={false} />
      </Card>
      {canEdit ? (
        <div className="mt-6">
          <Card title="Edit the options and rationale">
            <p className="mb-3 text-sm text-slate-600">The audit log keeps the text as it was before each edit.</p>
            <EditDecisionForm id={decision.id} options={decision.options} rationale={decision.rationale} version={decision.version} />
          </Card>
        </div>
      ) : null}
    </>
  );
}
