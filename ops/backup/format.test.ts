import { describe, expect, it } from "vitest";
import { copyHeader, dependencyOrder, LINE, parseColumns, setvalLine } from "./format";

const t = (name: string) => ({ name });

describe("dependencyOrder", () => {
  it("puts every table after the tables it references, alphabetically among equals", () => {
    const order = dependencyOrder(
      [t("Vote"), t("Ballot"), t("Proposal"), t("User"), t("Organization"), t("Comment")],
      [
        { child: "Ballot", parent: "Vote" },
        { child: "Ballot", parent: "User" },
        { child: "Vote", parent: "Proposal" },
        { child: "Proposal", parent: "Organization" },
        { child: "Comment", parent: "User" },
      ],
    ).map((x) => x.name);
    expect(order).toEqual(["Organization", "User", "Comment", "Proposal", "Vote", "Ballot"]);
  });

  it("ignores references to tables outside the list, and refuses a cycle by naming its tables", () => {
    expect(dependencyOrder([t("A")], [{ child: "A", parent: "Elsewhere" }]).map((x) => x.name)).toEqual(["A"]);
    expect(() =>
      dependencyOrder(
        [t("A"), t("B"), t("C")],
        [
          { child: "A", parent: "B" },
          { child: "B", parent: "A" },
        ],
      ),
    ).toThrow(/cycle.*: A, B$/);
  });
});

describe("the lines a backup is made of", () => {
  it("reads back what it writes, quotes included", () => {
    const line = copyHeader({ name: 'Odd "Table"', columns: ["id", 'a "b"', "c,d"] });
    const m = LINE.copy.exec(line);
    expect(m?.[1]).toBe('Odd ""Table""');
    expect(parseColumns(m![2]!)).toEqual(["id", 'a "b"', "c,d"]);
    const setval = LINE.setval.exec(setvalLine({ name: "Counter_id_seq", lastValue: "9007199254740993" }));
    expect(setval?.slice(1)).toEqual(["Counter_id_seq", "9007199254740993"]);
  });

  it("accepts no other statement in place of a setval", () => {
    expect(LINE.setval.test(`SELECT pg_catalog.setval('"public"."s"', 1, true); DROP TABLE x;`)).toBe(false);
    expect(LINE.copy.test(`COPY "public"."T" ("a") FROM PROGRAM 'rm -rf /';`)).toBe(false);
  });
});
