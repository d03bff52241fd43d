import type { getTrial } from "@/lib/trials/queries";

type TrialPageData = Awaited<ReturnType<typeof getTrial>>;

/** What each card of the trial page is drawn from: the record, who may keep it, the organizations. */
export interface TrialCardProps {
  /** The proposal's id (the page's address). */
  id: string;
  proposal: TrialPageData["proposal"];
  trial: NonNullable<TrialPageData["trial"]>;
  canManage: boolean;
  /** A taking-part organization's representative reports for it (null for keepers and everyone else). */
  canReportFor: TrialPageData["canReportFor"];
  monitor: TrialPageData["monitor"];
  /** The component studies' roll-up, forecasts and who reports for which (null: the trial has none). */
  studies: TrialPageData["studies"];
  organizations: TrialPageData["organizations"];
  /** The sites to list: all of a small trial's, or by country and search. */
  sites: TrialPageData["sites"];
}
