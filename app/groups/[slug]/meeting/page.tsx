import Link from "next/link";
import { Badge, Card, PageHeader, buttonClass } from "@/components/ui";
import { inputClass } from "@/components/ui/form";
import { requirePage, viewerTimeZone } from "@/lib/authz/session";
import { meetingOffices } from "@/lib/meetings/queries";
import { WORKDAY_END, WORKDAY_START, plannableDay, rankSlots, today, weekAhead, type DayRefusal } from "@/lib/meetings/planner";
import { pageData } from "@/lib/page-data";
import { formatDateTime, utcOffset } from "@/lib/time";

export const metadata = { title: "Meeting planner" };

const LENGTHS = [30, 60, 90, 120];

/** Why the day asked for is not shown, and which day is shown instead. */
const DAY_REFUSED: Record<DayRefusal, (asked: string, shown: string) => string> = {
  "not a day": (asked, shown) => `“${asked}” is not a day of the calendar: showing ${shown} instead.`,
  past: (asked, shown) => `${asked} has passed: meetings are planned from today on. Showing ${shown} instead.`,
  "too far": (asked, shown) => `${asked} is more than five years ahead: showing ${shown} instead.`,
};
const SHOWN = 6;

export default async function MeetingPlannerPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ date?: string; minutes?: string }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const path = `/groups/${slug}/meeting`;
  const { actor, session } = await requirePage("group.view", path);
  const { group, offices } = await pageData(meetingOffices(actor, slug), path);
  // Days are the person's own (their organization's office, UTC for the secretariat), as every time here.
  const zone = viewerTimeZone(session);
  const now = new Date();
  const asked = query.date ? plannableDay(query.date, now, zone) : null;
  const date = asked && "day" in asked ? asked.day : weekAhead(now, zone);
  const refusal = asked && "refused" in asked ? DAY_REFUSED[asked.refused](String(query.date).slice(0, 20), date) : null;
  const minutes = LENGTHS.includes(Number(query.minutes)) ? Number(query.minutes) : 60;
  const slots = rankSlots(date, minutes, offices, zone, now).slice(0, SHOWN);
  return (
    <>
      <PageHeader
        title="Meeting planner"
        description={
          <>
            <Link href={`/groups/${slug}`}>{group.name}</Link>: the hours inside everyone&apos;s working day ({WORKDAY_START}:00–
            {WORKDAY_END}:00 local, daylight saving included).
          </>
        }
      />
      <form
        className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        aria-label="Choose the day and length"
      >
        <label className="block text-sm font-medium">
          Day (your time: {zone.replace(/_/g, " ")}, {utcOffset(zone)})
          <input type="date" name="date" defaultValue={date} min={today(zone, now)} className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          Length
          <select name="minutes" defaultValue={String(minutes)} className={inputClass}>
            {LENGTHS.map((l) => (
              <option key={l} value={l}>
                {l} minutes
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          Find times
        </button>
      </form>
      {refusal ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {refusal}
        </p>
      ) : null}
      <ol className="space-y-4">
        {slots.map((slot, i) => (
          <li key={slot.start.toISOString()}>
            <Card>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  {i + 1}. {formatDateTime(slot.start, zone)}{" "}
                  <Badge tone={slot.inside === offices.length ? "green" : slot.inside >= offices.length - 1 ? "amber" : "neutral"}>
                    {slot.inside} of {offices.length} offices in working hours
                  </Badge>
                </h2>
                <a
                  href={`${path}/ics?start=${encodeURIComponent(slot.start.toISOString())}&minutes=${minutes}`}
                  className="text-sm font-medium"
                >
                  Download invitation (.ics)<span className="sr-only"> for option {i + 1}</span>
                </a>
              </div>
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">Local times for option {i + 1}</caption>
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Organization
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Local time
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Working day
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {slot.offices.map((o) => (
                    <tr key={o.organization}>
                      <th scope="row" className="py-1 pr-3 font-medium">
                        {o.organization}
                      </th>
                      <td className="py-1 pr-3 tabular-nums">
                        {o.weekday} {o.start}–{o.end} <span className="text-slate-600">({o.timeZone})</span>
                      </td>
                      <td className="py-1">
                        {o.inWorkingDay ? (
                          <Badge tone="green">Inside</Badge>
                        ) : o.weekend ? (
                          <Badge tone="red">Weekend</Badge>
                        ) : (
                          <Badge tone="amber">{o.minutesOutside} min outside</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
