// Fetching a study by NCT number, against a stand-in for the ClinicalTrials.gov API on loopback:
// the study, an unknown number, a server that does not answer in time, and no network at all.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchStudy } from "@/lib/trials/fetch";
import { AppError } from "@/lib/errors";

let server: Server;
let base: string;
const study = readFileSync(path.join(__dirname, "../fixtures/ctgov/full-study.json"), "utf8");

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/api/v2/studies/NCT00000001") return res.writeHead(200, { "content-type": "application/json" }).end(study);
    if (req.url === "/api/v2/studies/NCT00000009") return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  delete process.env.CTGOV_API_URL;
});

async function message(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
}

describe("fetching a study by NCT number", () => {
  it("returns the study's JSON", async () => {
    process.env.CTGOV_API_URL = base;
    expect(JSON.parse(await fetchStudy("nct00000001")).protocolSection.identificationModule.nctId).toBe("NCT00000001");
  });
  it("says plainly when the study does not exist, the number is malformed, the server is slow or unreachable", async () => {
    process.env.CTGOV_API_URL = base;
    expect(await message(fetchStudy("NCT00000404"))).toBe("ClinicalTrials.gov has no study NCT00000404.");
    expect(await message(fetchStudy("NCT1"))).toMatch(/is not a NCT id/);
    expect(await message(fetchStudy("NCT00000009", 300))).toMatch(/did not answer within/);
    process.env.CTGOV_API_URL = "http://127.0.0.1:9/api/v2"; // nothing listens on the discard port
    expect(await message(fetchStudy("NCT00000001"))).toMatch(/cannot reach ClinicalTrials.gov/);
  });
});
