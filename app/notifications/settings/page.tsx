import Link from "next/link";
import { ActionForm } from "@/components/ActionForm";
import { Card, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/authz/session";
import { EMAIL_MODES } from "@/lib/mail/categories";
import { emailSettings } from "@/lib/mail/settings";
import { pageData } from "@/lib/page-data";
import { utcOffset } from "@/lib/time";
import { inputClass } from "@/components/ui/form";
import { timeZoneChoices } from "@/lib/people/time-zone";
import { saveEmailSettingsAction, saveTimeZoneAction } from "./actions";

export const metadata = { title: "Email and time zone" };

export default async function EmailSettingsPage() {
  const { actor } = await requirePage("email.settings", "/notifications/settings");
  const settings = await pageData(emailSettings(actor), "/notifications/settings");
  const hour = `${String(settings.digestHour).padStart(2, "0")}:00`;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Email and time zone"
        description={
          <>
            What reaches <strong>{settings.email}</strong> by email. Everything also appears under your{" "}
            <Link href="/notifications">notifications</Link>, whatever you choose here.
          </>
        }
      />
      <Card>
        <p className="mb-4 text-sm text-slate-700">
          <strong>At once</strong> sends an email within a minute. <strong>Daily digest</strong> gathers the day&apos;s news into one email
          at {hour} in {settings.timeZone.replace(/_/g, " ")} ({utcOffset(settings.timeZone)}), your time zone. <strong>Off</strong> sends
          nothing.
        </p>
        <ActionForm
          action={saveEmailSettingsAction}
          submitLabel="Save email settings"
          clearOnSuccess={false}
          labels={Object.fromEntries(settings.categories.map((c) => [c.id, c.label]))}
        >
          <div className="divide-y divide-slate-100">
            {settings.categories.map((c) => (
              <fieldset key={c.id} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
                <legend className="float-left text-sm font-medium text-slate-900 sm:max-w-[22rem]">{c.label}</legend>
                <div className="flex flex-wrap gap-2">
                  {EMAIL_MODES.map((m) => (
                    <label
                      key={m.mode}
                      className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-semibold has-focus-visible:outline-2 has-focus-visible:outline-brand-700"
                    >
                      <input type="radio" name={c.id} value={m.mode} defaultChecked={c.mode === m.mode} className="accent-brand-700" />
                      {m.label}
                      {m.mode === c.default ? <span className="sr-only"> (the default)</span> : null}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        </ActionForm>
      </Card>
      <p className="mt-4 text-sm text-slate-600">Every email also carries a link that stops that kind of email without signing in.</p>
      <Card title="Your time zone" className="mt-6">
        <p className="mb-3 text-sm text-slate-700">
          Every time in the portal and in your email is shown in this zone, named beside it: vote closing times, meeting slots, the activity
          and the audit log. Now {settings.timeZone.replace(/_/g, " ")} ({utcOffset(settings.timeZone)}).
        </p>
        <ActionForm action={saveTimeZoneAction} submitLabel="Save time zone" clearOnSuccess={false} labels={{ timeZone: "Time zone" }}>
          <label className="block text-sm font-medium">
            Time zone
            <select name="timeZone" defaultValue={settings.ownTimeZone ?? ""} className={`${inputClass} max-w-md`}>
              <option value="">
                {settings.organizationTimeZone
                  ? `Your organization's: ${settings.organizationTimeZone.replace(/_/g, " ")}`
                  : "UTC (no organization)"}
              </option>
              {timeZoneChoices().map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </label>
        </ActionForm>
      </Card>
    </div>
  );
}
