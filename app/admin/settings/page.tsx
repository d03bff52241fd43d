import { Card, PageHeader } from "@/components/ui";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { mailQueueStatus } from "@/lib/mail/status";
import { getForecastSettings, getRareThreshold } from "@/lib/settings";
import { MailStatus } from "./MailStatus";
import { ThresholdForm } from "./ThresholdForm";
import { ForecastForm } from "./ForecastForm";
import { StartupTargetsForm } from "./StartupTargetsForm";
import { getStartupTargets } from "@/lib/startup/settings";
import { DEFAULT_STARTUP_TARGETS } from "@/lib/startup/steps";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { actor, session } = await requirePage("settings.manage", "/admin/settings");
  const [threshold, forecast, mail, startup] = await Promise.all([
    getRareThreshold(),
    getForecastSettings(),
    mailQueueStatus(actor),
    getStartupTargets(),
  ]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Settings" description="Portal-wide rules. Secretariat only; every change is audited." />
      <Card title="What counts as rare">
        <ThresholdForm current={threshold} />
      </Card>
      <Card title="Accrual forecast" className="mt-6">
        <ForecastForm
          current={{
            discount: Math.round(forecast.discount * 100),
            warnYears: forecast.warnYears,
            atRisk: Math.round(forecast.atRiskProbability * 100),
          }}
        />
      </Card>
      <Card title="Start-up targets" className="mt-6">
        <StartupTargetsForm current={startup} defaults={DEFAULT_STARTUP_TARGETS} />
      </Card>
      <Card title="Email delivery" className="mt-6">
        <MailStatus status={mail} timeZone={viewerTimeZone(session)} />
      </Card>
    </div>
  );
}
