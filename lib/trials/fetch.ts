import "server-only";
import { AppError } from "@/lib/errors";
import { checkRegistryId } from "./registry";

const TIMEOUT_MS = 8000;

/** One study's JSON from the ClinicalTrials.gov API v2, when this server can reach it. */
export async function fetchStudy(nctId: string, timeoutMs = TIMEOUT_MS): Promise<string> {
  const check = checkRegistryId("NCT", nctId);
  if (!check.ok) throw new AppError("INVALID", check.message);
  const base = process.env.CTGOV_API_URL ?? "https://clinicaltrials.gov/api/v2";
  let response: Response;
  try {
    response = await fetch(`${base}/studies/${check.value}`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: "application/json" },
    });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new AppError(
      "CONFLICT",
      timedOut
        ? `ClinicalTrials.gov did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again later, or paste the study's JSON.`
        : "This server cannot reach ClinicalTrials.gov (it may have no internet access). Paste the study's JSON instead.",
    );
  }
  if (response.status === 404) throw new AppError("NOT_FOUND", `ClinicalTrials.gov has no study ${check.value}.`);
  if (!response.ok)
    throw new AppError("CONFLICT", `ClinicalTrials.gov answered ${response.status}. Try again later, or paste the study's JSON.`);
  return response.text();
}
