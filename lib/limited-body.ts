// A request body read up to a limit, without trusting Content-Length: the stream is counted as it
// arrives and abandoned at the limit, so an oversized upload costs at most `maxBytes` of memory.
import { AppError } from "@/lib/errors";

export async function readLimitedText(request: Request, maxBytes: number, what = "The file"): Promise<string> {
  const tooLarge = () => new AppError("INVALID", `${what} is larger than ${Math.round(maxBytes / 1_000_000)} MB.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
