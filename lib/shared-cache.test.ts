import { describe, expect, it, vi } from "vitest";
import { invalidateShared, shared } from "./shared-cache";

describe("the shared cache", () => {
  it("loads once for concurrent and repeated requests within its lifetime, again after it", async () => {
    const load = vi.fn(async () => "value");
    const t = 1_000_000;
    const [a, b] = await Promise.all([shared("t:a", 60_000, load, t), shared("t:a", 60_000, load, t + 10)]);
    expect([a, b]).toEqual(["value", "value"]);
    await shared("t:a", 60_000, load, t + 59_999);
    expect(load).toHaveBeenCalledTimes(1);
    await shared("t:a", 60_000, load, t + 60_000);
    expect(load).toHaveBeenCalledTimes(2);
  });
  it("drops entries by prefix when what they hold changes", async () => {
    const load = vi.fn(async () => 1);
    await shared("portfolio:x", 60_000, load);
    await shared("portfolio:y", 60_000, load);
    await shared("other", 60_000, load);
    invalidateShared("portfolio:");
    await shared("portfolio:x", 60_000, load);
    await shared("other", 60_000, load);
    expect(load).toHaveBeenCalledTimes(4);
  });
  it("does not keep a failure", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("database down")).mockResolvedValue("back");
    await expect(shared("t:f", 60_000, load)).rejects.toThrow("database down");
    expect(await shared("t:f", 60_000, load)).toBe("back");
  });
});
