// Audit events of proposals and groups, told as sentences for timelines and activity feeds. Pure.
import { STATUS_LABEL, TRANSITIONS, type ProposalEvent, type ProposalStatus } from "./workflow";
import { GROUP_STATUS_LABEL, type GroupStatus } from "@/lib/groups/status";

const INTEREST_WORDS: Record<string, string> = {
  LEAD: "will lead",
  PARTICIPATE: "will participate",
  INTERESTED: "is interested",
  DECLINED: "declined",
};

export function describeEvent(
  event: { action: string; data: unknown; organizationId: string | null },
  organizations: { id: string; shortName: string }[],
): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const org = organizations.find((o) => o.id === event.organizationId)?.shortName ?? "An organization";
  switch (event.action) {
    case "proposal.created":
      return "Draft started";
    case "proposal.saved":
      return `Revision ${String(data.revision ?? "")} saved`;
    case "proposal.imported":
      return `Recorded in the portal as ${STATUS_LABEL[data.status as ProposalStatus]?.toLowerCase() ?? "imported"}`;
    case "group.created":
      return "Group convened";
    case "group.member_set":
      return "Members or chairs changed";
    case "group.member_removed":
      return "A member left the group";
    case "group.status_changed": {
      const to = GROUP_STATUS_LABEL[data.to as GroupStatus];
      const from = GROUP_STATUS_LABEL[data.from as GroupStatus];
      return to && from ? `Group status changed: ${from} → ${to}` : "Group status changed";
    }
    case "group.incidence_corrected": {
      const after = (data.after ?? {}) as Record<string, unknown>;
      return typeof after.incidencePer100k === "number"
        ? `Incidence corrected to ${after.incidencePer100k.toLocaleString("en-GB", { maximumFractionDigits: 3 })} per 100,000 a year`
        : "Incidence corrected: not known";
    }
    case "comment.posted":
      return "Comment posted in the discussion";
    case "comment.edited":
      return "Comment edited";
    case "comment.deleted":
      return "Comment deleted";
    case "ballot.cast":
      return `${org} cast or changed its ballot`;
    case "vote.closed":
      return `Vote closed${data.early ? " early" : ""}: ${{ PASSED: "passed", FAILED: "failed", NO_QUORUM: "no quorum" }[String(data.outcome)] ?? ""} (${String(data.approve)} approve, ${String(data.reject)} reject, ${String(data.abstain)} abstain)`;
    case "feasibility.site_added":
      return `${org} added the site ${String(data.name ?? "")} (feasibility)`;
    case "feasibility.site_edited":
      return `${org} changed the site ${String(data.name ?? "")} (feasibility)`;
    case "feasibility.site_removed":
      return `${org} removed the site ${String(data.name ?? "")} (feasibility)`;
    case "document.uploaded":
      return Number(data.number) > 1
        ? `Version ${String(data.number)} of "${String(data.title ?? "")}" uploaded`
        : `Document "${String(data.title ?? "")}" uploaded`;
    case "interest.recorded":
      return `${org} ${INTEREST_WORDS[String(data.level)] ?? "recorded its interest"}`;
    default: {
      const event_ = event.action.replace(/^proposal\./, "") as ProposalEvent;
      const t = TRANSITIONS[event_];
      if (t && data.to) return `${t.label}: ${STATUS_LABEL[data.from as ProposalStatus]} → ${STATUS_LABEL[data.to as ProposalStatus]}`;
      return event.action;
    }
  }
}
