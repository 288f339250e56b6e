/**
 * Evidence about how well a reply answers a question, measured on the question's distinctive
 * words (issue: held-out routing misses). A route can win on one common keyword ("indikator",
 * "beslutar", "hur mycket") while the question's rare words — a place, a project, a number —
 * never appear in its answer. These helpers find those words (rare in the curated corpus, or
 * numbers), check whether a reply mentions them, and pick passages that do, with the sentences
 * around the hit rather than the start of a long passage.
 */
import type { Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import { search, searchIndexFor, type SearchHit, type SearchIndex } from '../search/searchIndex.js';
import { parseQueryCached } from '../entities.js';
import { indexWords, processTerm, queryTerms } from '../search/tokenize.js';
import { sourceRefs } from '../sources.js';
import { memoizeText } from '../textMemo.js';
import { stemIndexOf } from '../search/stemIndex.js';

/** A term in at most this share of the passages is distinctive for a question. */
const RARE_SHARE = 0.05;
/** The words of a named entity count up to this share (a kommun's name is in many passages, "förbundet" in more). */
const ENTITY_SHARE = 0.06;

interface TermStats {
  docCount: number;
  /** Passages per stem. */
  df: Map<string, number>;
  /** Stems per passage (same order as index.docs). */
  stems: ReadonlySet<string>[];
  /** {@link documentFrequency} of terms not in `df`, as they are asked. */
  related: Map<string, number>;
}

const statsCache = new WeakMap<SearchIndex, TermStats>();

/** The stems of a text, as search indexes them. */
export const stemsOf: (text: string) => ReadonlySet<string> = memoizeText(stemsOfText);

function stemsOfText(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of indexWords(text)) {
    const t = processTerm(w);
    if (t !== null) out.add(t);
  }
  return out;
}

function statsFor(index: SearchIndex): TermStats {
  const hit = statsCache.get(index);
  if (hit) return hit;
  const df = new Map<string, number>();
  const stems = index.docs.map((d) => {
    const s = stemsOfText(`${d.title} ${d.text}`);
    for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
    return s;
  });
  const stats = { docCount: Math.max(1, index.docs.length), df, stems, related: new Map<string, number>() };
  statsCache.set(index, stats);
  return stats;
}

/** True when `term` (a query stem) is among `stems`: the same stem, or one starts with the other (≥ 4 letters). */
export function hasTerm(stems: ReadonlySet<string>, term: string): boolean {
  if (stems.has(term)) return true;
  if (term.length < 4) return false;
  for (const s of stems) if (s.length >= 4 && (s.startsWith(term) || (term.startsWith(s) && term.length - s.length <= 2))) return true;
  return false;
}

/** Passages per stem over the documents of `data` (the search index's terms), built once per data version. */
export function corpusTerms(data: AgreementData): ReadonlyMap<string, number> {
  return statsFor(searchIndexFor(data)).df;
}

/** Passages of the stem, or of the most frequent stem that starts with it or that it starts with (≥ 4 letters). */
function documentFrequency(stats: TermStats, term: string): number {
  const exact = stats.df.get(term);
  if (exact !== undefined || term.length < 4) return exact ?? 0;
  const known = stats.related.get(term);
  if (known !== undefined) return known;
  const index = stemIndexOf(stats.df);
  let n = 0;
  for (const s of index.startingWith(term)) n = Math.max(n, stats.df.get(s) ?? 0);
  for (const s of index.prefixesOf(term, 4)) n = Math.max(n, stats.df.get(s) ?? 0);
  // Bounded: the questions' words are not the corpus's.
  if (stats.related.size >= 4096) stats.related.clear();
  stats.related.set(term, n);
  return n;
}

/**
 * Words of questions that the documents' formal text rarely uses but that carry no subject
 * ("hur mycket", "måste", "passar", "nästa gång"): never distinctive.
 */
const CHATTER = new Set(['mycket', 'manga', 'mang', 'ofta', 'stor', 'stort', 'stora', 'maste', 'passar', 'pass', 'sitter', 'sitt', 'sit',
  'far', 'fick', 'hade', 'had', 'har', 'tar', 'sen', 'sedan', 'nasta', 'nast', 'gang', 'ganger', 'finns', 'galler', 'gallde', 'galld',
  'skulle', 'skull', 'blev', 'bli', 'kan', 'ska', 'behover', 'nagon', 'nagra', 'brukar', 'sker', 'ske', 'gora', 'gor', 'gors', 'star',
  'innan', 'forst', 'generellt', 'ungefar', 'egentligen', 'handlar', 'handl', 'aret', 'ar', 'idag', 'nu', 'just', 'alltid', 'vanligtvis']
  .map((w) => processTerm(w) ?? w));

/**
 * Stems of the entities (places, verksamheter, parties …) the question names, when they are not
 * everywhere in the documents, each with the stems of the entity's own name: an answer or a
 * passage that says "Arbetsförmedlingen" holds the question's "AF".
 */
function entityTerms(data: AgreementData, question: string, stats: TermStats, share = ENTITY_SHARE, kinds?: readonly string[]): Map<string, string[]> {
  const q = parseQueryCached(data, question);
  const out = new Map<string, string[]>();
  for (const e of q.entities) {
    if (kinds && !kinds.includes(e.ref.kind)) continue;
    const nameStems = [...stemsOf(e.ref.name)];
    for (const token of q.tokens.slice(e.start, e.end)) {
      const t = processTerm(token);
      if (t === null || t.length < 2 || CHATTER.has(t) || out.has(t)) continue;
      const df = Math.max(documentFrequency(stats, t), ...nameStems.map((n) => documentFrequency(stats, n)));
      if (df / stats.docCount <= share) out.set(t, nameStems);
    }
  }
  return out;
}

/** Per distinctive term, other stems that count as saying it (an entity's name). */
const alternatesOf = new Map<string, Map<string, string[]>>();

/**
 * The question's distinctive terms: words and numbers found in at most 5 % of the passages
 * (names of projects, rare topics, amounts, old years) and the less common
 * words of the entities it names (a kommun, a team). Words found nowhere are typos or
 * chatter and say nothing; so do question words ({@link CHATTER}).
 */
export function distinctiveTerms(data: AgreementData, question: string): string[] {
  const stats = statsFor(searchIndexFor(data));
  const rare = queryTerms(question).filter((t) => {
    if (/^\d+$/u.test(t) && t.length < 2) return false;
    if (t.length < 3 || CHATTER.has(t)) return false;
    // Numbers too: a year most passages mention ("2023") says little; an amount or an old year does.
    const df = documentFrequency(stats, t);
    return df > 0 && df / stats.docCount <= RARE_SHARE;
  });
  const entities = entityTerms(data, question, stats);
  for (const t of entities.keys()) if (!rare.includes(t)) rare.push(t);
  if (alternatesOf.size >= 32) alternatesOf.clear();
  alternatesOf.set(`${data.version}\u0000${question}`, entities);
  return rare;
}

/** True when a text (its stems) says `term`, or one of the stems of the entity it names (all of them). */
function holds(term: string, text: string, stems: ReadonlySet<string>, alternates?: ReadonlyMap<string, string[]>): boolean {
  if (/^\d+$/u.test(term)) return hasNumber(text, term);
  if (hasTerm(stems, term)) return true;
  const alt = alternates?.get(term);
  return alt !== undefined && alt.length > 0 && alt.every((a) => hasTerm(stems, a));
}

/** How many of `terms` a text holds. */
function termsHeld(terms: readonly string[], text: string, stems: ReadonlySet<string>, alternates?: ReadonlyMap<string, string[]>): number {
  return terms.filter((t) => holds(t, text, stems, alternates)).length;
}

/** True when `text` states the number `n` ("1 846" and "1846" alike). */
export function hasNumber(text: string, n: string): boolean {
  const joined = text.replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/gu, '$1');
  return new RegExp(`(^|\\D)${n}(\\D|$)`, 'u').test(joined);
}

/** The distinctive terms of `question` that none of `replyTexts` mentions. */
export function missingTerms(data: AgreementData, question: string, replyTexts: readonly string[]): { distinctive: string[]; missing: string[] } {
  const distinctive = distinctiveTerms(data, question);
  const alternates = alternatesOf.get(`${data.version}\u0000${question}`);
  const text = replyTexts.join(' ');
  const stems = stemsOf(text);
  const missing = distinctive.filter((t) => !holds(t, text, stems, alternates));
  return { distinctive, missing };
}

/**
 * The part of a passage around the question's words: the best matching sentence and its
 * neighbours up to about `max` characters, so a long decision never hides the sentence that
 * answers (e.g. an amount stated last). Short passages come back whole.
 */
const sentencesOf: (text: string) => readonly string[] = memoizeText((text) => squashed(text).split(/(?<=[.!?;])\s+|\s+(?=- )|\s·\s/u).filter((s) => s !== ''));

/** The text with each run of white space one space, trimmed: the passages' texts are cut into sentences on every search answer. */
const squashed: (text: string) => string = memoizeText((text) => text.replace(/\s+/gu, ' ').trim());

/** How many of the question's terms a sentence holds, distinctive ones counting three times. */
function sentenceScores(sentences: readonly string[], terms: readonly string[], weighted: readonly string[], gives?: (sentence: string) => boolean, specific = false): { scores: number[]; best: number } {
  const held = sentences.map((s) => {
    const stems = stemsOf(s);
    return terms.reduce((sum, term) => sum + (hasTerm(stems, term) ? (weighted.includes(term) ? 3 : 1) : 0), 0);
  });
  const top = Math.max(0, ...held);
  // A sentence that gives what the question asks for (a frequency for "hur ofta") comes first when
  // it is about the question at all – a third of the best sentence's words: the passage's subject is
  // named in the sentences around it ("Steget vidare leds av en styrgrupp …"), the value in its own.
  // A value as specific as a frequency or a date answers in its passage even when its sentence repeats
  // none of the question's words ("Uppföljningen … sker minst var tredje månad"): the passage is about them.
  const about = (h: number) => (h > 0 && h * 3 >= top) || (specific && top > 0);
  const scores = held.map((h, i) => (about(h) && gives !== undefined && gives(sentences[i] ?? '') ? h + top + 1 : h));
  let best = 0;
  scores.forEach((s, i) => {
    if (s > (scores[best] ?? 0)) best = i;
  });
  return { scores, best };
}

/**
 * The sentence of a passage that holds most of the question's words — with the sentence after it
 * while both fit in `max` (an answer often continues: "… Beslut: …") — clipped at a word: the
 * headline of a search answer, so its first line is the answer rather than a lead-in. Undefined
 * when no sentence holds any of them.
 */
export function bestSentence(text: string, terms: readonly string[], weighted: readonly string[] = [], max = 280, gives?: (sentence: string) => boolean, specific = false): string | undefined {
  const sentences = sentencesOf(text);
  const { scores, best } = sentenceScores(sentences, terms, weighted, gives, specific);
  const sentence = sentences[best];
  if (sentence === undefined || (scores[best] ?? 0) === 0) return undefined;
  const next = sentences[best + 1];
  const joined = next !== undefined && sentence.length + next.length + 1 <= max ? `${sentence} ${next}` : sentence;
  const clean = joined.replace(/^[-•·]\s*/u, '');
  // A run-on "sentence" (a table flattened to text: "Kommunikationsplan Verksamhetsansvarig … Ansvarig Mikael Holmlund …")
  // is cut around the question's words, not from its start.
  if (clean.length <= max) return clean;
  // A table's run of cells has no full stop: a short window around the question's words says its answer.
  const table = !/[.!?]\s/u.test(clean.slice(0, max));
  return windowAroundTerms(clean, terms, weighted, table ? Math.round(max * TABLE_WINDOW) : max);
}

/** Words said before the first of the question's words in a window. */
const LEAD_WORDS = 4;

/** Share of a headline's length a window into a flattened table gets. */
const TABLE_WINDOW = 0.65;

/** The stretch of about `max` characters of a long text where the question's words (weighted ones thrice) are densest, marked "…" where cut. */
export function windowAroundTerms(text: string, terms: readonly string[], weighted: readonly string[], max: number): string {
  const words = text.split(/\s+/u);
  const weight = words.map((w) => {
    const stems = stemsOf(w);
    return terms.reduce((sum, t) => sum + (hasTerm(stems, t) ? (weighted.includes(t) ? 3 : 1) : 0), 0);
  });
  let bestFrom = 0;
  let bestScore = -1;
  for (let from = 0; from < words.length; from += 1) {
    let length = 0;
    let score = 0;
    for (let i = from; i < words.length && length + (words[i]?.length ?? 0) + 1 <= max; i += 1) {
      length += (words[i]?.length ?? 0) + 1;
      score += weight[i] ?? 0;
    }
    if (score > bestScore) {
      bestScore = score;
      bestFrom = from;
    }
  }
  // Start some words before the first hit, so what it is about is said ("… till placerande socialsekreterare (skriftlig) om det visar sig …").
  const firstHit = weight.findIndex((w, i) => i >= bestFrom && w > 0);
  let from = bestScore > 0 && firstHit >= 0 ? Math.max(0, firstHit - LEAD_WORDS) : bestFrom;
  // Near the end, the window takes the words before instead of leaving its room unused.
  let tail = words.slice(from).join(' ').length;
  while (from > 0 && tail + (words[from - 1]?.length ?? 0) + 1 <= max) {
    from -= 1;
    tail += (words[from]?.length ?? 0) + 1;
  }
  const out: string[] = [];
  let length = 0;
  for (let i = from; i < words.length && length + (words[i]?.length ?? 0) + 1 <= max; i += 1) {
    out.push(words[i] ?? '');
    length += (words[i]?.length ?? 0) + 1;
  }
  const body = out.join(' ');
  return `${from > 0 ? '… ' : ''}${body}${from + out.length < words.length ? ' …' : ''}`;
}

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/u;
const WRITTEN_DAY = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b|\b\d{1,2}\/\d{1,2}\b/iu;

/**
 * A headline for a "när" question that lacks the day its passage gives ("Den nya styrelsen
 * tillträder", from a dated record): the passage's date first ("2023-04-07: Den nya …").
 */
export function datedHeadline(headline: string, passage: string): string {
  if (WRITTEN_DAY.test(headline)) return headline;
  const day = ISO_DAY.exec(passage)?.[0];
  return day === undefined ? headline : `${day}: ${headline}`;
}

export function excerptAround(text: string, terms: readonly string[], max = 600, weighted: readonly string[] = []): string {
  const t = squashed(text);
  if (t.length <= max) return t;
  const sentences = sentencesOf(t);
  const { scores, best } = sentenceScores(sentences, terms, weighted);
  if ((scores[best] ?? 0) === 0) return clipWords(t, max);
  // A distinctive word the best sentence lacks may sit in a short sentence or list item further
  // on ("hemma" ~ "Vuxna hemmasittande" at the end of a målgrupp list): that item is shown too.
  const bestStems = stemsOf(sentences[best] ?? '');
  const extras: number[] = [];
  let reserved = 0;
  for (const term of weighted.filter((w) => terms.includes(w) && !hasTerm(bestStems, w))) {
    const at = sentences.findIndex((x, i) => i !== best && !extras.includes(i) && hasTerm(stemsOf(x), term));
    const extra = sentences[at];
    if (extra === undefined || extra.length > max / 3 || reserved + extra.length + 3 > max / 2) continue;
    extras.push(at);
    reserved += extra.length + 3;
  }
  const window = windowAround(sentences, best, max - reserved);
  const outside = extras.filter((i) => i < window.from || i > window.to);
  if (outside.length === 0) return renderWindow(sentences, window.from, window.to, max);
  // The window and the extra items in document order, gaps marked with "…".
  const pieces = [
    { from: window.from, to: window.to, text: clipWords(sentences.slice(window.from, window.to + 1).join(' '), Math.max(max - reserved, max / 2)) },
    ...outside.map((i) => ({ from: i, to: i, text: sentences[i] ?? '' })),
  ].sort((a, b) => a.from - b.from);
  let out = '';
  let last = -1;
  for (const p of pieces) {
    const gap = p.from !== last + 1;
    if (out === '') out = gap ? '… ' : '';
    else out += gap && !out.endsWith('…') ? ' … ' : ' ';
    out += p.text;
    last = p.to;
  }
  return `${out}${last < sentences.length - 1 && !out.endsWith('…') ? ' …' : ''}`;
}

/** The sentences around `best` up to about `max` characters: the following sentence first, then the one before. */
function windowAround(sentences: readonly string[], best: number, max: number): { from: number; to: number } {
  let from = best;
  let to = best;
  let length = (sentences[best] ?? '').length;
  // Grow the window: the following sentence first (answers often continue), then the one before.
  for (let grew = true; grew;) {
    grew = false;
    const next = sentences[to + 1];
    if (next !== undefined && length + next.length + 1 <= max) {
      to += 1;
      length += next.length + 1;
      grew = true;
    }
    const prev = sentences[from - 1];
    if (prev !== undefined && length + prev.length + 1 <= max) {
      from -= 1;
      length += prev.length + 1;
      grew = true;
    }
  }
  return { from, to };
}

function renderWindow(sentences: readonly string[], from: number, to: number, max: number): string {
  const body = clipWords(sentences.slice(from, to + 1).join(' '), max);
  return `${from > 0 ? '… ' : ''}${body}${to < sentences.length - 1 && !body.endsWith('…') ? ' …' : ''}`;
}

function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${cut.slice(0, at > max * 0.6 ? at : max)} …`;
}

/** Passage facts whose text is the excerpt around the question's words. */
export function excerptFacts(hits: readonly SearchHit[], question: string, max: number, distinctive: readonly string[] = []): Fact[] {
  const terms = queryTerms(question);
  const facts = hits.map((h) => ({ label: h.doc.title, value: excerptAround(h.doc.text, terms, max, distinctive) }));
  // The same passage indexed twice (a record and its document section) is shown once.
  return facts.filter((f, i) => facts.findIndex((g) => g.value === f.value) === i);
}

/**
 * True when the best passage holds every distinctive word of the question (at least two): then
 * it answers the question's own subject, even when the question's other words are chatter.
 */
export function coversDistinctive(data: AgreementData, question: string, hit: SearchHit | undefined): boolean {
  if (!hit) return false;
  const distinctive = distinctiveTerms(data, question);
  // One rare word alone can be a coincidence ("månen" in "månad"): two or more must all be there.
  if (distinctive.length < 2) return false;
  const stems = statsFor(searchIndexFor(data)).stems[hit.doc.id] ?? stemsOf(`${hit.doc.title} ${hit.doc.text}`);
  return distinctive.every((t) => (/^\d+$/u.test(t) ? hasNumber(`${hit.doc.title} ${hit.doc.text}`, t) : hasTerm(stems, t)));
}

/** What the complementing passages add, and how much of the question the answer and they are about. */
export interface ComplementEvidence {
  reply?: Reply;
  /** The question's distinctive words the answer's best single part holds. */
  answerHeld: number;
  /** The most the best added passage holds. */
  passagesHeld: number;
  /** The best added passage's sentence that answers: the opening line when the passages lead. */
  headline?: string;
}

/** The added passages as the answer, opening with their answering sentence (when they lead, see passagesLead). */
export function leadingReply(e: ComplementEvidence): Reply | undefined {
  if (e.reply === undefined) return undefined;
  return e.headline === undefined ? e.reply : { ...e.reply, text: e.headline, status: 'answered' };
}

/**
 * True when the answer is about none of the question's distinctive words while added passages
 * hold two or more of them: the route answered another question (one salient word chose it),
 * so the passages lead and the route's answer follows. With `two-more`, passages that hold two
 * more of the words than the answer lead too (for a route's direct answer, built from records; a
 * dialog's decided answer — "Nej – personen ingår inte …" — keeps the stricter `none-held`).
 */
export function passagesLead(e: ComplementEvidence, margin: 'none-held' | 'two-more' = 'none-held'): boolean {
  if (e.reply === undefined || e.passagesHeld < 2) return false;
  return margin === 'none-held' ? e.answerHeld === 0 : e.passagesHeld >= e.answerHeld + 2;
}

/**
 * Passages to add after a route's answer that is not about the question's distinctive words:
 * the best passages that match the question well (half its words), name its entities, and
 * either mention a word the answer left out or hold clearly more of the question's words than
 * any one part of the answer. Empty when the answer already covers the question.
 * Returns the passages with the evidence that chose them; `forbund` limits them to those förbund.
 */
export function complementEvidence(data: AgreementData, question: string, replyTexts: readonly string[], limit = 2, forbund?: readonly string[]): ComplementEvidence {
  const { distinctive, missing } = missingTerms(data, question, replyTexts);
  if (distinctive.length === 0) return { answerHeld: 0, passagesHeld: 0 };
  const index = searchIndexFor(data);
  const stats = statsFor(index);
  const terms = queryTerms(question);
  const hits = search(index, question, { limit: 8, forbund });
  // The parties the question names, however common ("AF"): a passage about that party supports it.
  const common = entityTerms(data, question, stats, 1, ['party', 'unit']);
  const top = hits[0]?.score ?? 0;
  const alternates = alternatesOf.get(`${data.version}\u0000${question}`);
  // How much of the question the best single part of the answer (its text, or one listed item) is about:
  // a long list mentions many of the question's words without any item being about them together.
  const answered = Math.max(0, ...replyTexts.map((t) => termsHeld(distinctive, t, stemsOf(t), alternates)));
  let passagesHeld = 0;
  const picked = hits.filter((h) => {
    if (h.score < top * 0.5) return false;
    const enough = h.coverage >= 0.5 || (terms.length >= 5 && h.coverage >= 0.4);
    if (!enough) return false;
    const text = `${h.doc.title} ${h.doc.text}`;
    // The passage's record names (its party, its verksamhet) count: a contact of Arbetsförmedlingen is about "AF".
    const stems = new Set([...(stats.stems[h.doc.id] ?? stemsOf(text)), ...stemsOf(h.doc.names)]);
    // Only passages that hold a word the answer left out and more of the question's own words than the
    // answer – at least two of them when the question has two: one shared word is a coincidence.
    // A passage about another team or kommun than the one the question names is no help.
    const entities = [...(alternates?.keys() ?? [])];
    if (termsHeld(entities, text, stems, alternates) < entities.length) return false;
    // A common party the question names ("AF") is not distinctive, but a passage about that party supports it.
    const support = [...common.keys()].filter((t) => !distinctive.includes(t) && holds(t, text, stems, common)).length;
    const held = termsHeld(distinctive, text, stems, alternates) + Math.min(1, support);
    const addsWord = termsHeld(missing, text, stems, alternates) > 0;
    // Two of the question's own words at least: one shared rare word is too often a coincidence.
    const keep = held >= 2 && (addsWord ? held > answered : held >= answered + 2);
    // To lead, a passage must say the question's words in its own text: its record's names (a list
    // of six kommuner) put it beside the question, not about it.
    const ownStems = stats.stems[h.doc.id] ?? stemsOf(text);
    if (keep) passagesHeld = Math.max(passagesHeld, termsHeld(distinctive, text, ownStems, alternates));
    return keep;
  }).slice(0, limit);
  if (picked.length === 0) return { answerHeld: answered, passagesHeld: 0 };
  const evidence: ComplementEvidence = {
    answerHeld: answered,
    passagesHeld,
    reply: {
      text: 'Det här står också i dokumenten om det du frågar:',
      facts: excerptFacts(picked, question, 500, distinctive),
      sources: sourceRefs(data.documents, picked.map((h) => h.doc.source)),
    },
  };
  const first = picked[0];
  // Leading passages open with the sentence that answers, like a search answer.
  const headline = first !== undefined ? bestSentence(first.doc.text, terms, distinctive) : undefined;
  if (headline !== undefined && passagesLead(evidence) && evidence.reply) evidence.reply = { ...evidence.reply, text: headline, status: 'answered' };
  return { ...evidence, ...(headline !== undefined ? { headline } : {}) };
}

/** True when the builder of a reply marked it as the documents having no answer (a route declining the question). */
export function isNoAnswer(reply: Pick<Reply, 'status'>): boolean {
  return reply.status === 'not-stated';
}
