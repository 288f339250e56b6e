import { withinOneEdit } from '../fuzzy.js';

/** The words of a normalised text, without the punctuation around them. */
export function tokens(normalized: string): string[] {
  return normalized.split(/[\s/]+/).map((t) => t.replace(/^[-.:]+|[-.:]+$/g, '')).filter((t) => t !== '');
}

/**
 * True when a token is the word `stem` (possibly inflected: `stem` + up to `suffix` letters),
 * allowing one edit for stems of 6 letters or more.
 */
export function tokenIs(token: string, stem: string, suffix = 3): boolean {
  if (token.startsWith(stem) && token.length - stem.length <= suffix) return true;
  if (stem.length < 6) return false;
  // One typo in the stem, with the same inflection allowance.
  for (let cut = 0; cut <= suffix && token.length - cut >= stem.length - 1; cut += 1) {
    if (withinOneEdit(token.slice(0, token.length - cut), stem)) return true;
  }
  return false;
}

export function hasWord(toks: readonly string[], stem: string, suffix = 3): number {
  return toks.findIndex((t) => tokenIs(t, stem, suffix));
}

