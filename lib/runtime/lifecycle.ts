// The process's life: whether it is draining for shutdown, and what must stop before it exits.
// The app registers its stop steps (job workers, pools, listeners) here; the server entry
// (ops/server) runs them after the HTTP server has finished its requests. On globalThis under a
// registered symbol, for the same reason as request-context.ts.

export interface StopStep {
  name: string;
  /** Lower runs first: workers (10) before the listeners (20) before the pools (30). */
  order: number;
  stop: () => Promise<void>;
}

interface Lifecycle {
  draining: boolean;
  steps: StopStep[];
}

const KEY = Symbol.for("irci.lifecycle");
const holder = globalThis as unknown as { [KEY]?: Lifecycle };
const state: Lifecycle = (holder[KEY] ??= { draining: false, steps: [] });

/** Adds (or replaces, by name) a step run at shutdown. */
export function onShutdown(step: StopStep): void {
  state.steps = [...state.steps.filter((s) => s.name !== step.name), step];
}

/** True once shutdown began: readiness answers 503 so the load balancer sends no new work. */
export function isDraining(): boolean {
  return state.draining;
}

export function startDraining(): void {
  state.draining = true;
}

/** Runs every step in order; a failed or slow step is reported and does not stop the others. */
export async function runShutdownSteps(timeoutMs: number, report: (name: string, error?: Error) => void): Promise<void> {
  state.draining = true;
  const steps = [...state.steps].sort((a, b) => a.order - b.order);
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not stop within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([step.stop(), timeout]);
      report(step.name);
    } catch (error) {
      report(step.name, error as Error);
    } finally {
      clearTimeout(timer);
    }
  }
}
