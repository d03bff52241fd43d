import { describe, expect, it } from "vitest";
import { membersByOrganization } from "./grouping";

const member = (name: string, org: string | null) => ({
  name,
  user: { membership: org ? { organization: { shortName: org } } : null },
});

describe("membersByOrganization", () => {
  it("groups members under their organization, organizations alphabetically, order kept within", () => {
    const grouped = membersByOrganization([member("a", "NCI"), member("b", "EORTC"), member("c", "NCI"), member("d", null)]);
    expect(grouped.map(([org, ms]) => [org, ms.map((m) => m.name)])).toEqual([
      ["EORTC", ["b"]],
      ["IRCI Secretariat", ["d"]],
      ["NCI", ["a", "c"]],
    ]);
  });
});
