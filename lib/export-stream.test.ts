import { describe, expect, it } from "vitest";
import { CSV_BOM } from "./csv";
import { exportStream } from "./export-stream";

async function* batches(...lists: Record<string, unknown>[][]) {
  for (const list of lists) yield list;
}

// Decoded keeping the byte order mark (Response.text() would drop it).
const read = async (stream: ReadableStream<Uint8Array>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

describe("exportStream", () => {
  it("writes a CSV with the mark, one header and every row of every batch", async () => {
    const text = await read(
      exportStream(
        batches(
          [{ id: 1, name: "a" }],
          [
            { id: 2, name: "b" },
            { id: 3, name: "c" },
          ],
        ),
        "csv",
      ),
    );
    expect(text).toBe(`${CSV_BOM}"id","name"\r\n"1","a"\r\n"2","b"\r\n"3","c"\r\n`);
  });

  it("writes a JSON array that parses, across batches and when empty", async () => {
    const rows = JSON.parse(await read(exportStream(batches([{ id: 1 }], [{ id: 2 }]), "json")));
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(JSON.parse(await read(exportStream(batches(), "json")))).toEqual([]);
  });
});
