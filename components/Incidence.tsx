import { Badge } from "@/components/ui";

/** An incidence figure, labelled as illustrative when it is demo data rather than a sourced fact. */
export function Incidence({ value, isDemo }: { value: { toString(): string } | null; isDemo: boolean }) {
  if (value === null) return <span className="text-slate-500">Not recorded</span>;
  return (
    <span>
      {Number(value.toString()).toLocaleString("en-GB", { maximumFractionDigits: 3 })} per 100,000 per year{" "}
      {isDemo ? <Badge tone="amber">demo value</Badge> : null}
    </span>
  );
}
