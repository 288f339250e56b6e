/**
 * Lookups over the corpus's stems (the search index's terms) that would otherwise scan every stem
 * on every turn: the stems that start with a word, the stems a word starts with, and the stems a
 * typo away. Built once per stem map, i.e. once per data version (src/domain/routing/evidence.ts
 * `corpusTerms`); callers apply their own rule to what it returns.
 */

export class StemIndex {
  /** The stems in code-unit order: those that start with a prefix are neighbours. */
  private readonly sorted: string[];
  /** Stems by length, for typo matches of more than one edit. */
  private readonly byLength = new Map<number, string[]>();
  /** Each stem and each of its one-letter deletions, to the stems it comes from (symmetric deletion). */
  private readonly deletions = new Map<string, string[]>();

  constructor(private readonly stems: ReadonlyMap<string, number>) {
    this.sorted = [...stems.keys()].sort();
    for (const s of this.sorted) {
      const same = this.byLength.get(s.length);
      if (same) same.push(s);
      else this.byLength.set(s.length, [s]);
      for (const d of new Set([s, ...oneDeleted(s)])) {
        const from = this.deletions.get(d);
        if (from) from.push(s);
        else this.deletions.set(d, [s]);
      }
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

  /**
   * Stems that may be one edit (insertion, deletion, substitution, neighbours swapped) from `word`:
   * every such stem is among them, and the caller checks each.
   */
  oneEditCandidates(word: string): Set<string> {
    const out = new Set<string>();
    for (const d of new Set([word, ...oneDeleted(word)])) for (const s of this.deletions.get(d) ?? []) out.add(s);
    return out;
  }

  /** Stems whose length differs from `length` by at most `within`. */
  *ofLength(length: number, within: number): Generator<string> {
    for (let n = length - within; n <= length + within; n += 1) yield* this.byLength.get(n) ?? [];
  }
}

/** The word with one letter left out, at each position. */
function oneDeleted(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
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
