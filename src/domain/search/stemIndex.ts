/**
 * Lookups over the corpus's stems (the search index's terms) that would otherwise scan every stem
 * on every turn: the stems that start with a word, the stems a word starts with, and the stems of
 * about a word's length (those a typo away are among them). Built once per stem map, i.e. once per
 * data version (src/domain/routing/evidence.ts `corpusTerms`); callers apply their own rule to
 * what it returns.
 */

export class StemIndex {
  /** The stems in code-unit order: those that start with a prefix are neighbours. */
  private readonly sorted: string[];
  /** Stems by length, for typo matches. */
  private readonly byLength = new Map<number, string[]>();

  constructor(private readonly stems: ReadonlyMap<string, number>) {
    this.sorted = [...stems.keys()].sort();
    for (const s of this.sorted) {
      const same = this.byLength.get(s.length);
      if (same) same.push(s);
      else this.byLength.set(s.length, [s]);
    }
  }

  has(stem: string): boolean {
    return this.stems.has(stem);
  }

  /** Every stem that starts with `prefix` (itself included), in order. */
  *startingWith(prefix: string): Generator<string> {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && (this.sorted[i] as string).startsWith(prefix); i += 1) yield this.sorted[i] as string;
  }

  /** Every stem of at least `min` letters that `word` starts with (itself included), shortest first. */
  *prefixesOf(word: string, min: number): Generator<string> {
    for (let n = min; n <= word.length; n += 1) {
      const prefix = word.slice(0, n);
      if (this.stems.has(prefix)) yield prefix;
    }
  }

  /** Stems whose length differs from `length` by at most `within`. */
  *ofLength(length: number, within: number): Generator<string> {
    for (let n = length - within; n <= length + within; n += 1) yield* this.byLength.get(n) ?? [];
  }
}

const indexes = new WeakMap<ReadonlyMap<string, number>, StemIndex>();

/** The index of a stem map, built on first use. */
export function stemIndexOf(stems: ReadonlyMap<string, number>): StemIndex {
  let index = indexes.get(stems);
  if (!index) {
    index = new StemIndex(stems);
    indexes.set(stems, index);
  }
  return index;
}
