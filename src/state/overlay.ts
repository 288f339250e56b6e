/**
 * A copy-on-write view of a keyed section (botState, one channel's conversations): reads fall
 * through to the base, writes and deletes are recorded beside it. A change to one conversation
 * then costs the same with 100 or 60,000 stored conversations, where copying the section did not.
 * Values are replaced whole, never edited in place (the store's documented contract).
 */
export const DELETED = Symbol('deleted');

export interface Overlay<T> {
  /** Looks and behaves like the section (get, set, delete, `in`, Object.keys). */
  view: Record<string, T>;
  /** What the change did: key → new value or DELETED, in the order it happened. */
  changes: Map<string, T | typeof DELETED>;
  /** Nested views handed out for unchanged keys (see `wrap`). */
  nested: Map<string, T>;
}

/**
 * @param wrap gives a nested view for an unchanged value (a channel's overlay inside
 * conversations), so changes one level down are recorded too.
 */
export function overlay<T>(base: Readonly<Record<string, T>>, wrap?: (key: string, value: T) => T): Overlay<T> {
  const changes = new Map<string, T | typeof DELETED>();
  const nested = new Map<string, T>();
  const current = (key: string): T | undefined => {
    if (changes.has(key)) {
      const value = changes.get(key);
      return value === DELETED ? undefined : value;
    }
    // Own keys only: a key such as "constructor" is not an entry.
    if (!Object.hasOwn(base, key)) return undefined;
    const value = base[key] as T;
    if (!wrap) return value;
    let view = nested.get(key);
    if (view === undefined) nested.set(key, (view = wrap(key, value)));
    return view;
  };
  const keys = (): string[] => {
    const all = new Set(Object.keys(base));
    for (const [key, value] of changes) {
      if (value === DELETED) all.delete(key);
      else all.add(key);
    }
    return [...all];
  };
  const view = new Proxy({} as Record<string, T>, {
    get: (_target, key) => (typeof key === 'string' ? current(key) : undefined),
    set: (_target, key, value: T) => {
      if (typeof key !== 'string') return false;
      changes.set(key, value);
      nested.delete(key);
      return true;
    },
    deleteProperty: (_target, key) => {
      if (typeof key === 'string' && current(key) !== undefined) {
        changes.set(key, DELETED);
        nested.delete(key);
      }
      return true;
    },
    has: (_target, key) => typeof key === 'string' && current(key) !== undefined,
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = typeof key === 'string' ? current(key) : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  return { view, changes, nested };
}
