import { Card, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { getRareThreshold } from "@/lib/settings";
import { ThresholdForm } from "./ThresholdForm";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePage("settings.manage", "/admin/settings");
  const threshold = await getRareThreshold();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Settings" description="Portal-wide rules. Secretariat only; every change is audited." />
      <Card title="What counts as rare">
        <ThresholdForm current={threshold} />
      </Card>
    </div>
  );
}
