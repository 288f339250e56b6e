/**
 * The search answer: the best passages of the curated data with their sources (DESIGN.md, Sök),
 * or "Det står inte i överenskommelserna" with the closest passages when nothing fits well.
 */
import type { Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import { search, searchIndexFor, type SearchHit } from '../search/searchIndex.js';
import { queryTerms } from '../search/tokenize.js';
import { docDate, docShortTitle, newestFirst, sourceRefs } from '../sources.js';
import { bestSentence, coversDistinctive, datedHeadline, distinctiveTerms, excerptFacts } from '../routing/evidence.js';
import { NOT_IN_DOCUMENTS } from './common.js';
import { OLDER_STATEMENT } from '../routing/verdict.js';
import { FREQUENCY, givesFormValue, missedUnits, namesPerson, namesWho } from '../routing/answersQuestion.js';
import { messageForm, opensWithVerb } from '../../understanding/form.js';
import { entityTokens } from '../entities.js';
import { normalize } from '../text.js';

export const NO_HITS_TEXT = `${NOT_IN_DOCUMENTS} Jag hittade inget i dem som liknar din fråga. Försök med andra ord, eller skriv ”hjälp” för att se vad jag kan svara på.`;
/** The lead-in of a search answer when no single sentence of the best passage holds the question's words. */
export const HITS_TEXT = 'Det här säger överenskommelserna:';
export const WEAK_HITS_TEXT = `${NOT_IN_DOCUMENTS} Jag hittar inget som svarar precis på frågan. Det här är de närmaste avsnitten:`;

/** Share of a question's words a passage must match to count as an answer rather than "closest". */
const GOOD_COVERAGE = 0.5;

/** Fewest words of a headline that can stand without its passage's title. */
const MIN_HEADLINE_WORDS = 4;

/** Hits this close to the best one answer about as well: among them the newest document comes first. */
const CLOSE_SCORE = 0.85;
/** Forms that ask for a value of a kind. */
const ASKS_VALUE: ReadonlySet<string> = new Set(['nar', 'hur-mycket', 'hur-ofta', 'hur-lange', 'namn']);
/** For "vad heter …", a passage that names a person answers when it scores half the best one: the best is often the role's description. */
const NAME_SCORE = 0.5;

/** A passage on the same subject as the best one competes for the lead down to this share of its score. */
const SAME_SUBJECT_SCORE = 0.4;

/**
 * Current first (DESIGN.md: the newest document in force answers; an older one that disagrees is
 * mentioned with its date): passages that match about as well as the best are ordered newest
 * document first, so a 2014 or 2020 statement never leads where a 2023 one says the same thing.
 */
export function currentFirst(data: AgreementData, hits: readonly SearchHit[]): SearchHit[] {
  const best = hits[0];
  const top = best?.score ?? 0;
  // Passages of the same record kind about the same party and verksamhet (the same title) are
  // statements about the same thing: the newest document's comes first even when it matches fewer words.
  const close = hits.filter((h) => h.score >= top * CLOSE_SCORE || (h.doc.title === best?.doc.title && h.score >= top * SAME_SUBJECT_SCORE));
  const rest = hits.filter((h) => !close.includes(h));
  return [...newestFirst(data.documents, close.map((h) => ({ hit: h, source: h.doc.source }))).map((x) => x.hit), ...rest];
}

/**
 * A passage that matches the question well enough to answer it: half its words, or two in five
 * of a longer question, or every distinctive word (a name, a number, a rare term) — then it is
 * about the question's subject even when the question's other words are chatter.
 */
function fits(data: AgreementData, text: string, terms: readonly string[], hit: SearchHit): boolean {
  return hit.coverage >= GOOD_COVERAGE || (terms.length >= 4 && hit.coverage >= 0.4) || coversDistinctive(data, text, hit);
}

/** "Äldre uppgift – Överenskommelse Vuxentorget 2020 (2020-01-24): …": how a superseded statement is mentioned. */
function olderStatement(data: AgreementData, hit: SearchHit, terms: readonly string[], distinctive: readonly string[]): string | undefined {
  const sentence = bestSentence(hit.doc.text, terms, distinctive);
  if (sentence === undefined) return undefined;
  return `${OLDER_STATEMENT} – ${docLabel(data, hit.doc.source.doc)}: ${sentence}`;
}

/** "Överenskommelse 2023 (2022-11-25)": a document's short title and date. */
function docLabel(data: AgreementData, doc: string): string {
  const date = data.documents.find((d) => d.doc === doc)?.date;
  return `${docShortTitle(data.documents, doc)}${date ? ` (${date})` : ''}`;
}

/**
 * The search reply for `text` over the curated text of `data`: all of it, or only the passages of
 * the förbund in `forbund` (a conversation's förbund, src/domain/forbund.ts `searchScope`).
 */
export function answerSearch(data: AgreementData, text: string, limit = 3, forbund?: readonly string[]): Reply {
  const terms = queryTerms(text);
  if (terms.length === 0) return { text: NO_HITS_TEXT, status: 'not-stated' };
  const raw = search(searchIndexFor(data), text, { limit: limit + 3, forbund });
  const found = currentFirst(data, raw);
  if (found.length === 0) return { text: NO_HITS_TEXT, status: 'not-stated' };
  const distinctive = distinctiveTerms(data, text);
  const form = messageForm(text, (clause) => entityTokens(normalize(clause)));
  const tokens = entityTokens(normalize(text));
  // A passage answers only with the value the question asks for, per the unit it asks for.
  // "Vad heter …": a passage that names a person (data/'s names, never a masked one).
  const gives = (h: SearchHit) => givesFormValue(form, { text: h.doc.text }) && missedUnits(tokens, { text: h.doc.text }).length === 0
    && (form !== 'namn' || namesPerson(data, { text: h.doc.text }));
  // A passage about the question's words that lacks what it asks for (a date for "när", a number
  // for "hur mycket") does not answer it: a close passage that has it answers instead.
  const top = found[0]?.score ?? 0;
  const first = found[0];
  const answering = first !== undefined && fits(data, text, terms, first) && gives(first)
    ? first
    : found.find((h) => h.score >= top * (form === 'namn' ? NAME_SCORE : CLOSE_SCORE) && fits(data, text, terms, h) && (form === 'namn' || !givesFormValue(form, { text: '' })) && gives(h));
  const hits = (answering === undefined ? found : [answering, ...found.filter((h) => h !== answering)]).slice(0, limit);
  const best = answering;
  // A passage without a sentence that says the value asked for (a date, an amount, a name …) lists, it does not answer.
  const good = best !== undefined && (!ASKS_VALUE.has(form) || bestSentence(best.doc.text, terms, distinctive) !== undefined);
  // Answer first: the passage's sentence that holds the question's words is the headline.
  // The sentence that gives what the form asks for (a frequency, a duration, a date …) is preferred; for "vem" the passage's title says who.
  const givesValue = form === 'vad' || form === 'other' || form === 'yesno' || form === 'vem' ? undefined
    : form === 'hur-ofta' ? (line: string) => FREQUENCY.test(line)
      : form === 'namn' ? (line: string) => namesPerson(data, { text: line }) : (line: string) => givesFormValue(form, { text: line });
  const specific = form === 'hur-ofta' || form === 'hur-lange';
  const picked = best !== undefined ? bestSentence(best.doc.text, terms, distinctive, undefined, givesValue, specific) : undefined;
  // A record's field alone ("Umeå Vännäs", "Beviljat") says nothing without its record's title; neither does, for "vem", a sentence without its subject.
  const bare = picked !== undefined && picked.split(/\s+/u).length < MIN_HEADLINE_WORDS;
  const sentence = picked !== undefined && best !== undefined && (bare || (form === 'vem' && (opensWithVerb(picked) || !namesWho(data, picked)))) ? `${best.doc.title}: ${picked}` : picked;
  // "När …?": the headline carries the passage's day.
  const headline = sentence !== undefined && best !== undefined && form === 'nar' ? datedHeadline(sentence, best.doc.text) : sentence;
  // The best-matching passage gave way to a newer one on the same subject: it is said after, with its date.
  const displaced = raw[0];
  const older = good && displaced !== undefined && displaced !== best && displaced.doc.title === best.doc.title
    && docDate(data.documents, displaced.doc.source.doc) < docDate(data.documents, best.doc.source.doc) ? displaced : undefined;
  const olderLine = older === undefined ? undefined : olderStatement(data, older, terms, distinctive);
  return {
    text: good ? [olderLine && headline ? `${docLabel(data, best.doc.source.doc)}: ${headline}` : (headline ?? HITS_TEXT), ...(olderLine ? [olderLine] : [])].join('\n') : WEAK_HITS_TEXT,
    status: good ? 'answered' : 'not-stated',
    // Long passages: the sentences around the question's words, so the answering sentence is never cut away.
    facts: excerptFacts(hits, text, good ? 1100 : 500, distinctive),
    sources: sourceRefs(data.documents, hits.map((h) => h.doc.source)),
  };
}
