import { describe, expect, it } from "vitest";
import { ZProposalContent, ZRecordInterest } from "./schema";

const empty = {
  title: "A title",
  population: "",
  intervention: "",
  comparator: "",
  primaryOutcome: "",
  rationale: "",
  phase: "",
  randomised: "",
  sampleSize: "",
  primaryEndpoint: "",
  noOtherForum: "",
};

describe("proposal input", () => {
  it("keeps 'not decided' apart from 'no'", () => {
    expect(ZProposalContent.parse({ ...empty, randomised: null }).randomised).toBeNull();
    expect(ZProposalContent.parse(empty).randomised).toBeNull();
    expect(ZProposalContent.parse({ ...empty, randomised: "false" }).randomised).toBe(false);
    expect(ZProposalContent.parse({ ...empty, randomised: "true" }).randomised).toBe(true);
  });
  it("reads empty numbers as not given and refuses bad ones", () => {
    expect(ZProposalContent.parse(empty).sampleSize).toBeNull();
    expect(ZProposalContent.safeParse({ ...empty, sampleSize: "12.5" }).success).toBe(false);
    expect(ZRecordInterest.safeParse({ level: "LEAD", expectedSites: "-1", expectedPatientsPerYear: "", note: "" }).success).toBe(false);
    expect(ZRecordInterest.safeParse({ level: "MAYBE", expectedSites: "", expectedPatientsPerYear: "", note: "" }).success).toBe(false);
  });
});
