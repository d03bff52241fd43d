import { HorizontalBars } from "@/components/charts/HorizontalBars";

/**
 * The tally as bars, one per choice in its colour, drawn on the server (no charting library for the
 * proposal page to load); the same numbers are in the table beside it for screen readers.
 */
export function ResultsChart({ data }: { data: { label: string; count: number; color: string }[] }) {
  return <HorizontalBars data={data.map((d) => ({ label: d.label, value: d.count, color: d.color }))} valueLabel="Organizations" />;
}
