import { describe, expect, it } from "vitest";
import { groupSlug } from "./slug";

describe("groupSlug", () => {
  it("makes an address from the cancer's name, accents folded", () => {
    expect(groupSlug("Thymic épithélial tumours")).toBe("thymic-epithelial-tumours");
  });
  it("never takes the address of the new-group form", () => {
    expect(groupSlug("New")).toBe("new-group");
    expect(groupSlug(" new ")).toBe("new-group");
  });
  it("gives a name in Japanese a non-empty, stable address", () => {
    const slug = groupSlug("胸腺腫");
    expect(slug).toMatch(/^group-[0-9a-f]{10}$/);
    expect(groupSlug("胸腺腫")).toBe(slug);
    expect(groupSlug("唾液腺癌")).not.toBe(slug);
  });
  it("stays within 60 characters and never ends with a dash", () => {
    const slug = groupSlug("a ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });
});
