// Data every visitor shares (the organizations, a setting, portfolio figures) kept in this
// process for a short while, so a busy page does not ask PostgreSQL the same thing for each
// request. Changes made here drop the entry at once; another instance sees them within `ttlMs`.
// Callers check permissions before reading: the cache holds data, never decisions.

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const globalForCache = globalThis as unknown as { sharedCache?: Map<string, Entry> };
const entries = (globalForCache.sharedCache ??= new Map());

/** The value for `key`, loaded at most once per `ttlMs` however many requests ask at the same time. */
export function shared<T>(key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const entry = entries.get(key);
  if (entry && now - entry.at < ttlMs) return entry.value as Promise<T>;
  const value = load();
  entries.set(key, { at: now, value });
  // A failed load is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Forgets every entry whose key starts with `prefix`, after a change to what they hold. */
export function invalidateShared(prefix: string): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
