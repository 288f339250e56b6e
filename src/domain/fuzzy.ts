/**
 * Typo tolerance for Swedish recognisers (DESIGN.md, Language: "tolerate one edit in longer
 * words"). Words of five letters or more match a target when they differ by at most one
 * insertion, deletion, substitution or transposition of two neighbouring letters (optimal
 * string alignment, i.e. restricted Damerau–Levenshtein). Shorter words must match exactly,
 * because "fk"/"af" or "vt"/"ut" are one edit apart and mean different things.
 */

/** Shortest word length for which one typo is tolerated. */
export const FUZZY_MIN_LENGTH = 5;

/**
 * Restricted Damerau–Levenshtein distance between `a` and `b`, stopping early once it is
 * certain to exceed `max` (returns `max + 1` then). Works on UTF-16 units; callers pass
 * normalised (diacritic-folded) text, so that is the same as letters.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prevPrev: number[] = new Array<number>(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row: number[] = new Array<number>(n + 1).fill(0);
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      }
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[n] ?? 0;
}

/**
 * `editDistance(a, b, 1) <= 1` without the table: equal, or one substitution, one insertion or
 * deletion, or one transposition of neighbouring letters. The recognisers ask this of every token
 * against every alias on every turn, so it must not allocate.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** `a.slice(from) === b.slice(fromB)` without making the slices. */
function sameFrom(a: string, from: number, b: string, fromB: number): boolean {
  if (a.length - from !== b.length - fromB) return false;
  for (let i = from, j = fromB; i < a.length; i += 1, j += 1) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * True when a typed (normalised) word means `target`: equal, or both at least
 * {@link FUZZY_MIN_LENGTH} letters long and one edit apart.
 */
export function fuzzyWordMatch(typed: string, target: string): boolean {
  if (typed === target) return true;
  if (typed.length < FUZZY_MIN_LENGTH || target.length < FUZZY_MIN_LENGTH) return false;
  return withinOneEdit(typed, target);
}
