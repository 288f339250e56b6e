/**
 * A question about a thing the documents never name ("Vilken blankett används …", "Hur högt är
 * sjukpenningtalet …") cannot be answered from them, whatever passage shares its other words: it
 * is answered "Det står inte", plainly, with the closest passages after it as such (issue 13,
 * "not stated is a real answer"). The thing is the noun the question's form asks about
 * (src/understanding/asked.ts); it is absent when no passage names it, inflected, as the start of
 * a longer word or one typo away (evidence.ts `documentsName`).
 */
import type { AgreementData } from '../../data/load.js';
import type { Understanding } from '../../understanding/understand.js';
import { askedNouns } from '../../understanding/asked.js';
import { isDetailWord } from '../../understanding/form.js';
import { NOT_IN_DOCUMENTS } from '../answers/common.js';
import { WEAK_HITS_TEXT } from '../answers/search.js';
import { normalize } from '../text.js';
import { corpusTerms } from './evidence.js';
import { knownCue } from './vocabulary.js';
import { editDistance, withinOneEdit } from '../fuzzy.js';
import { processTerm } from '../search/tokenize.js';
import { stemIndexOf, type StemIndex } from '../search/stemIndex.js';

/** Compound tails that add no concept of their own: a time, a period, a date, a place, a post or role ("psykologtjänsten"). */
const GENERIC_TAILS = new Set(['tid', 'tiden', 'tider', 'period', 'perioden', 'datum', 'datumet', 'dag', 'dagen', 'plats', 'platsen', 'ort', 'orten',
  'tjanst', 'tjansten', 'tjanster', 'roll', 'rollen', 'funktion', 'funktionen', 'resurs', 'resursen']);

/** A generic tail, after the linking "s" of a compound or without it ("giltighet-s-tid"). */
function genericTail(rest: string): boolean {
  return GENERIC_TAILS.has(rest) || (rest.startsWith('s') && GENERIC_TAILS.has(rest.slice(1)));
}

/** Nouns that name the kind of value asked (a day, a time, a name), not a thing the documents must name. */
const VALUE_NOUNS = /^(datum|dag|dagen|veckodag|tid|tiden|tidpunkt|klockslag|klockan|ar|aret|manad|vecka|namn|namnet|siffra|siffror|antal|antalet|summa|summan|storlek|procent|andel|andelen|roll|rollen|uppgift|uppgiften|sak|saker|del|delar)$/u;

/** The word of the question (as typed) for the thing it asks about that no passage names, if any. */
export function absentThing(data: AgreementData, u: Pick<Understanding, 'text' | 'query'>): string | undefined {
  const key = `${data.version}\u0000${u.text}`;
  if (memo.has(key)) return memo.get(key);
  const thing = findAbsent(data, u);
  if (memo.size >= 32) memo.delete(memo.keys().next().value as string);
  memo.set(key, thing);
  return thing;
}

/** The last questions' absent things: every judge of a turn asks about the same question. */
const memo = new Map<string, string | undefined>();

function findAbsent(data: AgreementData, u: Pick<Understanding, 'text' | 'query'>): string | undefined {
  const { tokens, entities } = u.query;
  for (const at of askedNouns(tokens)) {
    const word = tokens[at] ?? '';
    if (word.length < 5 || !/^\p{L}+$/u.test(word) || VALUE_NOUNS.test(word) || isDetailWord(word)) continue;
    if (entities.some((e) => at >= e.start && at < e.end)) continue;
    if (knownCue(word) || documentsName(data, word)) continue;
    return typedWord(u.text, word) ?? word;
  }
  return undefined;
}

/** The word of `text` whose normalised form is `normalized`, as the user typed it. */
function typedWord(text: string, normalized: string): string | undefined {
  return text.split(/[^\p{L}\p{N}-]+/u).find((w) => normalize(w) === normalized);
}

/**
 * The opening of a "not stated" answer: that the documents do not name the thing asked about,
 * when that is why, else that nothing answers the question precisely; the closest passages follow.
 */
export function notStatedText(data: AgreementData, u: Pick<Understanding, 'text' | 'query'>): string {
  const thing = absentThing(data, u);
  return thing === undefined ? WEAK_HITS_TEXT : `${NOT_IN_DOCUMENTS.replace(/\.$/u, '')} – ”${thing}” nämns inte där. Det här är de närmaste avsnitten:`;
}

/**
 * True when some passage of the documents names `word` (a normalised word): its stem, an inflection
 * of it, a longer word that starts with it ("handläggar" → "handläggare"), or a word one typo away
 * (two for long words). A compound is not named by its first part: "sjukpenningtal" is not
 * "sjukpenning".
 */
export function documentsName(data: AgreementData, word: string): boolean {
  const term = processTerm(word) ?? word;
  const key = `${data.version}\u0000${term}`;
  const known = named.get(key);
  if (known !== undefined) return known;
  const found = indexNames(stemIndexOf(corpusTerms(data)), term);
  if (named.size >= 1024) named.delete(named.keys().next().value as string);
  named.set(key, found);
  return found;
}

/** The last words looked up, by data version: an absent word is looked for in every stem. */
const named = new Map<string, boolean>();

/** {@link documentsName}'s rule over the corpus's stem index (built once per data version). */
function indexNames(index: StemIndex, term: string): boolean {
  if (index.has(term) || some(index.startingWith(term)) || some(index.prefixesOf(term, Math.max(4, term.length - 2)))) return true;
  // A compound of a word the documents have and a word of time or place ("giltighetstid", "mötesplats") names the same thing.
  if (some(index.prefixesOf(term, 5), (s) => genericTail(term.slice(s.length)))) return true;
  const typos = term.length >= 10 ? 2 : term.length >= 6 ? 1 : 0;
  if (typos === 1) return some(index.ofLength(term.length, 1), (s) => withinOneEdit(s, term));
  if (typos === 2) return some(index.ofLength(term.length, 2), (s) => editDistance(s, term, 2) <= 2);
  return false;
}

function some(stems: Iterable<string>, holds: (stem: string) => boolean = () => true): boolean {
  for (const s of stems) if (holds(s)) return true;
  return false;
}
