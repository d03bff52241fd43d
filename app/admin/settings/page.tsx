import { Card, PageHeader } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { mailQueueStatus } from "@/lib/mail/status";
import { getRareThreshold } from "@/lib/settings";
import { MailStatus } from "./MailStatus";
import { ThresholdForm } from "./ThresholdForm";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { actor, session } = await requirePage("settings.manage", "/admin/settings");
  const [threshold, mail] = await Promise.all([getRareThreshold(), mailQueueStatus(actor)]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Settings" description="Portal-wide rules. Secretariat only; every change is audited." />
      <Card title="What counts as rare">
        <ThresholdForm current={threshold} />
      </Card>
      <Card title="Email delivery" className="mt-6">
        <MailStatus status={mail} timeZone={viewerTimeZone(session)} />
      </Card>
    </div>
  );
}
