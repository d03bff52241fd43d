// Work that belongs to a transaction's end rather than to the statement that asked for it: a step
// run inside the transaction just before it commits (once, however many times it was asked for),
// and a step run in this process once it has committed. lib/prisma-client.ts runs them around
// every interactive transaction (`$transaction(async (tx) => …)`); the shared cache uses them to
// send one invalidation per transaction that PostgreSQL delivers on commit, and to drop its own
// entries only after the change is visible to the next reader.

import { log } from "@/lib/runtime/log";

type Step = () => Promise<unknown>;

interface Hooks {
  beforeCommit: Map<string, Step>;
  afterCommit: Map<string, () => void>;
}

// Keyed by the transaction client Prisma hands to the callback: the object callers pass along.
// On globalThis under a registered symbol: the client is created by whichever bundle asks first
// (lib/db.ts) and the code asking for a step may be another bundle's copy of this module.
const KEY = Symbol.for("irci.transactionHooks");
const holder = globalThis as unknown as { [KEY]?: WeakMap<object, Hooks> };
const hooks = (holder[KEY] ??= new WeakMap());

/** The transaction's end, for lib/prisma-client.ts: bound to `tx` before the caller's code runs. */
export class TransactionEnd {
  private readonly own: Hooks = { beforeCommit: new Map(), afterCommit: new Map() };

  bind(tx: object): void {
    hooks.set(tx, this.own);
  }

  /** Inside the transaction, after the caller's code succeeded: a failure here rolls it all back. */
  async beforeCommit(): Promise<void> {
    for (const step of this.own.beforeCommit.values()) await step();
  }

  /** After the commit; a step's failure is the step's own business and must not fail the write. */
  afterCommit(): void {
    for (const [name, step] of this.own.afterCommit) {
      try {
        step();
      } catch (error) {
        log.error({ area: "db", step: name, err: error }, "a step after a transaction's commit failed");
      }
    }
  }
}

/**
 * Asks for `beforeCommit` inside `tx` just before it commits and `afterCommit` once it has, each
 * registered once per `name` (the first registration wins: it reads its state when it runs).
 * False when `tx` is not an interactive transaction of ours (the plain client, whose statements
 * commit one by one): the caller must then do its work now.
 */
export function atCommit(tx: object, name: string, beforeCommit: Step, afterCommit: () => void): boolean {
  const own = hooks.get(tx);
  if (!own) return false;
  if (!own.beforeCommit.has(name)) own.beforeCommit.set(name, beforeCommit);
  if (!own.afterCommit.has(name)) own.afterCommit.set(name, afterCommit);
  return true;
}
