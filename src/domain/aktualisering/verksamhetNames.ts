/**
 * The verksamheter's names of a lexicon indexed for `extractVerksamhet` (extract.ts): by their
 * first word, and (the names a typo may stand for) by their one-letter deletions, so a question is
 * matched against the few names that can be in it rather than every name of every förbund. Built
 * once per lexicon; the caller checks each candidate with its own rule.
 */
import type { Lexicon } from './extract.js';

export interface NameEntry {
  /** Position in the lexicon (verksamhet, then name): the caller keeps the first longest. */
  order: number;
  verksamhet: Lexicon['verksamheter'][number];
  name: string;
  /** The name as words of a text: alone, with a genitive s, or "…:s". */
  forms: string[];
}

interface Index {
  byFirstWord: Map<string, NameEntry[]>;
  byDeletion: Map<string, NameEntry[]>;
}

const indexes = new WeakMap<Lexicon['verksamheter'], Index>();

/** Names at least this long are also matched one typo away. */
export const TYPO_NAME_LENGTH = 8;

function add(map: Map<string, NameEntry[]>, key: string, entry: NameEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function withDeletions(word: string): Set<string> {
  const out = new Set([word]);
  for (let i = 0; i < word.length; i += 1) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function indexOf(verksamheter: Lexicon['verksamheter']): Index {
  let index = indexes.get(verksamheter);
  if (index) return index;
  index = { byFirstWord: new Map(), byDeletion: new Map() };
  let order = 0;
  for (const verksamhet of verksamheter) {
    for (const name of verksamhet.names) {
      const entry = { order: (order += 1), verksamhet, name, forms: [` ${name} `, ` ${name}s `, ` ${name}:s `] };
      add(index.byFirstWord, name.split(' ')[0] ?? name, entry);
      if (name.length >= TYPO_NAME_LENGTH) for (const d of withDeletions(name)) add(index.byDeletion, d, entry);
    }
  }
  indexes.set(verksamheter, index);
  return index;
}

/**
 * Every name that may be in the text, in lexicon order: those whose first word is a word of
 * `padded` (the normalised text between spaces, a genitive s or ":s" taken off too), and those one
 * edit from one of `tokens`.
 */
export function candidateNames(verksamheter: Lexicon['verksamheter'], padded: string, tokens: readonly string[]): NameEntry[] {
  const index = indexOf(verksamheter);
  const found = new Set<NameEntry>();
  for (const word of new Set(padded.split(' '))) {
    for (const key of [word, word.endsWith(':s') ? word.slice(0, -2) : '', word.endsWith('s') ? word.slice(0, -1) : '']) {
      for (const entry of index.byFirstWord.get(key) ?? []) found.add(entry);
    }
  }
  for (const token of tokens) for (const d of withDeletions(token)) for (const entry of index.byDeletion.get(d) ?? []) found.add(entry);
  return [...found].sort((a, b) => a.order - b.order);
}
