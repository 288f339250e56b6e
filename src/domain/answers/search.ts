/**
 * The search answer: the best passages of the curated data with their sources (DESIGN.md, Sök),
 * or "Det står inte i överenskommelserna" with the closest passages when nothing fits well.
 */
import type { Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import { search, searchIndexFor, type SearchHit } from '../search/searchIndex.js';
import { queryTerms } from '../search/tokenize.js';
import { newestFirst, sourceRefs } from '../sources.js';
import { bestSentence, coversDistinctive, distinctiveTerms, excerptFacts } from '../routing/evidence.js';
import { NOT_IN_DOCUMENTS } from './common.js';

export const NO_HITS_TEXT = `${NOT_IN_DOCUMENTS} Jag hittade inget i dem som liknar din fråga. Försök med andra ord, eller skriv ”hjälp” för att se vad jag kan svara på.`;
/** The lead-in of a search answer when no single sentence of the best passage holds the question's words. */
export const HITS_TEXT = 'Det här säger överenskommelserna:';
export const WEAK_HITS_TEXT = `${NOT_IN_DOCUMENTS} Jag hittar inget som svarar precis på frågan. Det här är de närmaste avsnitten:`;

/** Share of a question's words a passage must match to count as an answer rather than "closest". */
const GOOD_COVERAGE = 0.5;

/** Hits this close to the best one answer about as well: among them the newest document comes first. */
const CLOSE_SCORE = 0.85;

/**
 * Current first (DESIGN.md: the newest document in force answers; an older one that disagrees is
 * mentioned with its date): passages that match about as well as the best are ordered newest
 * document first, so a 2014 or 2020 statement never leads where a 2023 one says the same thing.
 */
export function currentFirst(data: AgreementData, hits: readonly SearchHit[]): SearchHit[] {
  const top = hits[0]?.score ?? 0;
  const close = hits.filter((h) => h.score >= top * CLOSE_SCORE);
  const rest = hits.filter((h) => h.score < top * CLOSE_SCORE);
  return [...newestFirst(data.documents, close.map((h) => ({ hit: h, source: h.doc.source }))).map((x) => x.hit), ...rest];
}

/**
 * The search reply for `text` over the curated text of `data`: all of it, or only the passages of
 * the förbund in `forbund` (a conversation's förbund, src/domain/forbund.ts `searchScope`).
 */
export function answerSearch(data: AgreementData, text: string, limit = 3, forbund?: readonly string[]): Reply {
  const terms = queryTerms(text);
  if (terms.length === 0) return { text: NO_HITS_TEXT, status: 'not-stated' };
  const hits = currentFirst(data, search(searchIndexFor(data), text, { limit, forbund }));
  if (hits.length === 0) return { text: NO_HITS_TEXT, status: 'not-stated' };
  const best = hits[0];
  // A passage that holds every distinctive word of the question (a name, a number, a rare term)
  // is about its subject even when the question's other words are chatter.
  const good = best !== undefined && (best.coverage >= GOOD_COVERAGE || (terms.length >= 4 && best.coverage >= 0.4) || coversDistinctive(data, text, best));
  const distinctive = distinctiveTerms(data, text);
  // Answer first: the passage's sentence that holds the question's words is the headline.
  const headline = good ? bestSentence(best.doc.text, terms, distinctive) : undefined;
  return {
    text: good ? (headline ?? HITS_TEXT) : WEAK_HITS_TEXT,
    status: good ? 'answered' : 'not-stated',
    // Long passages: the sentences around the question's words, so the answering sentence is never cut away.
    facts: excerptFacts(hits, text, good ? 1100 : 500, distinctive),
    sources: sourceRefs(data.documents, hits.map((h) => h.doc.source)),
  };
}
