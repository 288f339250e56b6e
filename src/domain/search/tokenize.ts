/**
 * Swedish-aware tokenisation for full-text search (DESIGN.md, Sök: "diacritics folded, typos
 * tolerated"). Text is normalised (text.ts), synonyms rewritten (synonyms.ts), split into words
 * and reduced to a stem by a light Swedish suffix stripper modelled on the Snowball Swedish
 * stemmer (step 1 endings, double consonants, -lig/-ig), so "åtagandena", "åtaganden" and
 * "åtagande" meet.
 */
import { STOP_WORDS, applySynonyms } from '../synonyms.js';
import { normalize } from '../text.js';
import { memoizeText } from '../textMemo.js';

/** Longest word kept; longer runs are noise (pasted ids, keyboard mashing) and make fuzzy search slow. */
export const MAX_TERM_LENGTH = 30;
/** Most terms taken from one query, so a pasted page cannot stall the bot. */
export const MAX_QUERY_TERMS = 24;

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const STEP1 = [
  'heterna', 'hetens', 'anden', 'heten', 'heter', 'arnas', 'ernas', 'ornas', 'andes', 'arens', 'andet',
  'arna', 'erna', 'orna', 'ande', 'arne', 'aste', 'aren', 'ades', 'erns',
  'ade', 'are', 'ern', 'ens', 'het', 'ast',
  'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at',
  'a', 'e',
];
const S_ENDING = /[bcdfghjklmnoprtvy]s$/u;

/** Start of the R1 region: after the first non-vowel that follows a vowel, at least 3. */
function r1(word: string): number {
  for (let i = 1; i < word.length; i += 1) {
    if (!VOWELS.has(word[i] ?? '') && VOWELS.has(word[i - 1] ?? '')) return Math.max(3, i + 1);
  }
  return word.length;
}

/** The stem of one normalised word (numbers and short words are returned as they are). */
export function stemSwedish(word: string): string {
  if (word.length < 4 || /\d/u.test(word)) return word;
  let w = word;
  const start = r1(w);
  let stripped = false;
  for (const suffix of STEP1) {
    if (w.endsWith(suffix) && w.length - suffix.length >= start) {
      w = w.slice(0, -suffix.length);
      stripped = true;
      break;
    }
  }
  if (!stripped && S_ENDING.test(w) && w.length - 1 >= start) w = w.slice(0, -1);
  if (/(dd|gd|nn|dt|gt|kt|tt)$/u.test(w) && w.length - 1 >= start) w = w.slice(0, -1);
  for (const suffix of ['lig', 'ig']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= start) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Words of a text for indexing: normalised, synonyms applied, split, overlong words dropped. */
export const searchWords: (text: string) => readonly string[] = memoizeText(indexWords);

/** {@link searchWords} without the memo: for texts read once per data version (building the index). */
export function indexWords(text: string): string[] {
  return applySynonyms(normalize(text))
    .split(/[\s\-/:.]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '' && w.length <= MAX_TERM_LENGTH);
}

/** One indexed/query term: stop words removed (null), the rest stemmed. */
export function processTerm(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  return stemSwedish(word);
}

/** Words that, right after "hur", say what kind of value is asked for ("hur lång är väntetiden"). */
const HUR_FORM_WORDS = new Set(['lang', 'lange', 'langt', 'mycket', 'manga', 'ofta', 'stor', 'stort', 'hog', 'hogt', 'gammal', 'gamla']);

/** The stemmed terms of a query, stop words and duplicates removed, at most {@link MAX_QUERY_TERMS}. */
export const queryTerms: (text: string) => readonly string[] = memoizeText(termsOf);

function termsOf(text: string): string[] {
  const terms: string[] = [];
  let previous = '';
  for (const w of searchWords(text)) {
    // "hur lång/länge/mycket/många/ofta …" asks for a kind of value: the word names the form, not the subject.
    const formWord = previous === 'hur' && HUR_FORM_WORDS.has(w);
    previous = w;
    if (formWord) continue;
    const t = processTerm(w);
    if (t !== null && !terms.includes(t)) terms.push(t);
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}
