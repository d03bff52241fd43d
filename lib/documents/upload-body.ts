// A multipart upload read up to a limit, without trusting Content-Length: the body is counted as it
// streams in and abandoned at the limit, so an oversized upload costs at most `maxBytes` of memory.
import { AppError, ValidationError } from "@/lib/errors";

export async function readLimitedForm(request: Request, maxBytes: number): Promise<FormData> {
  const tooLarge = () => new ValidationError({ file: `The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.` });
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("INVALID", "Send the file as a form upload (multipart/form-data).");
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) throw new ValidationError({ file: "Choose a file to upload." });
  let size = 0;
  let exceeded = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          exceeded = true;
          controller.error(new Error("upload too large"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    if (exceeded) throw tooLarge();
    throw new AppError("INVALID", "The upload could not be read: send it again from the form.");
  }
}
