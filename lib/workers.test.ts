import { afterEach, describe, expect, it, vi } from "vitest";

// The queue, as a fake: records what the workers ask of it, and starts only when the test says.
let releaseStart: () => void = () => {};
const started = new Promise<void>((resolve) => (releaseStart = resolve));
const work = vi.fn(async () => "worker-id");
const schedule = vi.fn(async () => undefined);
vi.mock("@/lib/jobs/queue", () => ({
  QUEUES: { closeVote: "vote-close", sweep: "vote-sweep", mail: "mail", housekeeping: "housekeeping" },
  queue: async () => {
    await started;
    return { work, schedule, stop: async () => undefined };
  },
}));
// The domain's handlers are never run here; their modules (and the database client) stay out.
vi.mock("@/lib/auth/sign-in-requests", () => ({ purgeSignInData: vi.fn() }));
vi.mock("@/lib/db", () => ({ db: {} }));
vi.mock("@/lib/documents/sweep", () => ({ purgeOrphanChunks: vi.fn() }));
vi.mock("@/lib/mail/outbox", () => ({ deliverMail: vi.fn() }));
vi.mock("@/lib/votes/close", () => ({ closeDueVotes: vi.fn(), sendDueReminders: vi.fn() }));

const { startWorkers, workersRunning } = await import("@/lib/workers");
const lifecycle = await import("@/lib/runtime/lifecycle");

afterEach(() => vi.clearAllMocks());

describe("job workers and shutdown", () => {
  it("a stop that arrives while the queue is still starting starts no worker and leaves no stop step behind", async () => {
    const starting = startWorkers();
    lifecycle.startDraining();
    releaseStart();
    await starting;
    expect(work).not.toHaveBeenCalled();
    expect(schedule).not.toHaveBeenCalled();
    expect(workersRunning()).toBe(false);
    const stopped: string[] = [];
    await lifecycle.runShutdownSteps(1000, (name) => stopped.push(name));
    expect(stopped).not.toContain("job workers");
  });
});
