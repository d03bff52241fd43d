import { describe, expect, it } from "vitest";
import { readLimitedText } from "./limited-body";

function streamed(bytes: number, declared?: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      controller.enqueue(chunk.subarray(0, n));
    },
  });
  const headers: Record<string, string> = declared === undefined ? {} : { "content-length": String(declared) };
  return { request: new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit), sent: () => sent };
}

describe("readLimitedText", () => {
  it("reads a body under the limit whole, UTF-8 included", async () => {
    const request = new Request("http://x/", {
      method: "POST",
      body: JSON.stringify({ name: "Institut Gustave Roussy · 国立がん研究センター" }),
    });
    expect(JSON.parse(await readLimitedText(request, 1000)).name).toContain("国立がん研究センター");
  });
  it("refuses a body over the limit whatever Content-Length claims, without reading it all", async () => {
    const { request, sent } = streamed(5_000_000);
    await expect(readLimitedText(request, 1_000_000)).rejects.toThrow(/larger than 1 MB/);
    expect(sent()).toBeLessThan(1_200_000);
  });
  it("refuses at once a body that declares more than the limit", async () => {
    const { request, sent } = streamed(2_000_000, 2_000_000);
    await expect(readLimitedText(request, 1_000_000, "The study")).rejects.toThrow(/The study is larger than 1 MB/);
    expect(sent()).toBeLessThan(200_000);
  });
});
