import { Badge } from "@/components/ui";
import type { ProposalStatus } from "@/lib/proposals/workflow";
import { STATUS_LABEL, STATUS_TONE } from "./labels";

export function StatusBadge({ status }: { status: ProposalStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}
