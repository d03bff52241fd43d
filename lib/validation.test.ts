import { describe, expect, it } from "vitest";
import { CONTROL_MESSAGE, PartialDate, formId, isRealDay, plainText } from "./validation";

describe("plainText", () => {
  it("trims and keeps what people type: accents, Japanese, RTL, emoji, tabs and line breaks", () => {
    const typed = "  Institut national du cancer · 日本臨床腫瘍研究グループ · مرحبا · 🧬\tnote\r\nline  ";
    expect(plainText(200).parse(typed)).toBe(typed.trim());
  });
  it.each(["a\u0000b", "\u0007bell", "esc\u001b[31m", "del\u007f"])("refuses control characters in %j with a message", (text) => {
    const result = plainText(100).safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(CONTROL_MESSAGE);
  });
  it("refuses more than its limit, saying the limit", () => {
    expect(plainText(2000).safeParse("x".repeat(600_000)).error?.issues[0]?.message).toBe("At most 2,000 characters.");
  });
  it("refuses what is not text", () => {
    expect(plainText(10).safeParse(42).success).toBe(false);
  });
});

describe("dates", () => {
  it.each(["2025-02-31", "2026-02-30", "2025-04-31", "2023-02-29"])("refuses %s, a day that does not exist", (date) => {
    expect(PartialDate.safeParse(date).error?.issues[0]?.message).toMatch(/does not exist/);
  });
  it.each(["2024-02-29", "2025", "2025-02", "2026-12-31"])("accepts %s", (date) => {
    expect(PartialDate.parse(date)).toBe(date);
  });
  it("knows leap years", () => {
    expect(isRealDay(2000, 2, 29)).toBe(true);
    expect(isRealDay(1900, 2, 29)).toBe(false);
  });
});

describe("formId", () => {
  it.each(["", "x".repeat(65), "a b", "<script>", "a\u0000"])("refuses %j", (id) => {
    expect(formId("Choose one.").safeParse(id).success).toBe(false);
  });
  it("accepts the ids the portal makes", () => {
    expect(formId("Choose one.").parse("cmh3x9k0a0000qz8l2b7c1d4e")).toBe("cmh3x9k0a0000qz8l2b7c1d4e");
  });
});
