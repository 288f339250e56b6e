/**
 * Memoisation of pure functions of a text (normalising, tokenising, stemming). The same texts come
 * back on every turn — passages, sentences, aliases and titles of the curated data, the question
 * itself read by each recogniser — so their derived forms are computed once, not once per reader.
 * The cache is bounded by the characters it holds (the oldest entry goes first), so a stream of
 * new questions cannot grow it; values must be treated as immutable by callers.
 */

/** Characters of keys kept per memoised function: a few times the bundled corpus (~300 000). */
const DEFAULT_BUDGET = 2_000_000;

export function memoizeText<T>(fn: (text: string) => T, budget = DEFAULT_BUDGET): (text: string) => T {
  const cache = new Map<string, T>();
  let held = 0;
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (text.length > budget / 4) return value;
    while (held + text.length > budget && cache.size > 0) {
      const oldest = cache.keys().next().value as string;
      cache.delete(oldest);
      held -= oldest.length;
    }
    cache.set(text, value);
    held += text.length;
    return value;
  };
}
