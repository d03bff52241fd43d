import { describe, expect, it } from "vitest";
import { insertMention, mentionedHandles, mentionedIds, mentionQueryAt, mentionToken } from "./mentions";

describe("mention tokens", () => {
  it("name one person by id; brackets and line breaks in a name cannot end the token early", () => {
    expect(mentionToken({ id: "cm1jane", name: "Jane Doe" })).toBe("@[Jane Doe](user:cm1jane)");
    expect(mentionToken({ id: "cm1x", name: "Ann [Admin]\nLee" })).toBe("@[Ann Admin Lee](user:cm1x)");
    expect(mentionedIds(mentionToken({ id: "cm1x", name: "Ann [Admin]\nLee" }))).toEqual(["cm1x"]);
  });

  it("are found once each, in order, and only in their exact shape", () => {
    const body = "@[Jane Doe](user:cm1jane) and @[Jane Doe](user:cm2jane), again @[J](user:cm1jane). [x](user:cm3) @[y](mailto:a)";
    expect(mentionedIds(body)).toEqual(["cm1jane", "cm2jane"]);
  });

  it("hide nothing from the old handles, and a name inside a token is never read as a handle", () => {
    expect(mentionedHandles("@[riley.placebo](user:cm1) and @robin.crossover")).toEqual(["robin.crossover"]);
  });
});

describe("typing a mention", () => {
  const at = (text: string) => mentionQueryAt(text, text.length);

  it("finds what is typed after an @ at the start, after a space or a bracket", () => {
    expect(at("@ja")).toEqual({ start: 0, query: "ja" });
    expect(at("Could @Jane D")).toEqual({ start: 6, query: "Jane D" });
    expect(at("(@jo")).toEqual({ start: 1, query: "jo" });
    expect(at("Hi @")).toEqual({ start: 3, query: "" });
    expect(at("@Zoë")).toEqual({ start: 0, query: "Zoë" });
  });

  it("starts nothing inside an e-mail address, after a picked token, or after a sentence", () => {
    expect(at("mail jo@example")).toBeNull();
    expect(at("@[Jane Doe](user:cm1) ")).toBeNull();
    expect(at("@jane could you look at this")).toBeNull();
    expect(at("no at sign")).toBeNull();
  });

  it("looks only before the caret", () => {
    expect(mentionQueryAt("Ask @ri please", 7)).toEqual({ start: 4, query: "ri" });
  });

  it("replaces what was typed by the token and one space, keeping the rest", () => {
    const text = "Ask @ri please";
    const done = insertMention(text, 4, 7, { id: "cm1", name: "Riley Placebo" });
    expect(done.text).toBe("Ask @[Riley Placebo](user:cm1) please");
    expect(done.text.slice(done.caret)).toBe("please");
    expect(insertMention("@ja", 0, 3, { id: "cm2", name: "Jane" })).toEqual({ text: "@[Jane](user:cm2) ", caret: 18 });
  });
});
