// An export as a stream of bytes: the rows go out batch by batch as they are read, so an export is
// never cut off and never held whole in memory. CSV (lib/csv.ts) or a JSON array.
import { CSV_BOM, csvLine } from "@/lib/csv";

export function exportStream(batches: AsyncIterable<Record<string, unknown>[]>, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let columns: string[] | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? CSV_BOM : "["));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode(first ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      let text = "";
      for (const row of next.value) {
        if (format === "csv") {
          if (!columns) {
            columns = Object.keys(row);
            text += csvLine(columns);
          }
          text += csvLine(columns.map((c) => row[c]));
        } else {
          text += `${first ? "\n" : ",\n"}  ${JSON.stringify(row)}`;
          first = false;
        }
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
