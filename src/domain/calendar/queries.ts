import { addDays, type IsoDay } from '../dates.js';
import { normalize } from '../text.js';
import { memoizeText } from '../textMemo.js';
import {
  additionOccurrence, compareOccurrences, concernsGroup, eventOccurrence, occurrencesBetween, projectRule,
  type CalendarData, type CalendarOccurrence, type CalendarRuleRecord, type OccurrenceFilter,
} from './occurrences.js';

/** Dated events and imports (not rules) as occurrences, filtered and sorted. */
export function datedOccurrences(cal: CalendarData, filter: OccurrenceFilter = {}): CalendarOccurrence[] {
  // Sorting is stable, so filtering the sorted list gives the order of sorting the filtered one.
  const all = cal.additions.length === 0
    ? sortedEventOccurrences(cal.events)
    : [...cal.events.map(eventOccurrence), ...cal.additions.map(additionOccurrence)].sort(compareOccurrences);
  return all.filter((o) => (filter.forbund === undefined || o.forbund === filter.forbund)
    && (filter.group === undefined || concernsGroup(o, filter.group))
    && (filter.kinds === undefined || filter.kinds.includes(o.kind)));
}

const sortedEvents = new WeakMap<CalendarData['events'], CalendarOccurrence[]>();

/** The curated events as sorted occurrences, once per data object (imports, which change between turns, are added per call). */
function sortedEventOccurrences(events: CalendarData['events']): CalendarOccurrence[] {
  let sorted = sortedEvents.get(events);
  if (!sorted) {
    sorted = events.map(eventOccurrence).sort(compareOccurrences);
    sortedEvents.set(events, sorted);
  }
  return sorted;
}

export interface NextMeeting {
  /** The next meeting on or after today, and any others the same day (förmiddag and eftermiddag). */
  next: CalendarOccurrence[];
  /** When there is none: the last dated meeting the documents (or imports) give. */
  lastKnown?: CalendarOccurrence;
}

/**
 * The next meeting of a group from `today` (inclusive: a meeting today is "nästa"), from the dated
 * mötesplaner only — yearly rules never invent a meeting date. 001 "5. Mötesplan för 2023/Årshjul".
 */
export function nextMeeting(cal: CalendarData, today: IsoDay, filter: OccurrenceFilter): NextMeeting {
  const meetings = datedOccurrences(cal, { ...filter, kinds: ['meeting'] });
  const first = meetings.find((o) => o.date >= today);
  if (!first) return { next: [], lastKnown: meetings.at(-1) };
  return { next: meetings.filter((o) => o.date === first.date) };
}

/** Everything in [from, to]: dated meetings and deadlines, imports and projected yearly rules. */
export function eventsBetween(cal: CalendarData, from: IsoDay, to: IsoDay, filter: OccurrenceFilter = {}): CalendarOccurrence[] {
  return occurrencesBetween(cal, from, to, filter);
}

/**
 * The coming deadlines from `today` (inclusive) within `horizonDays`: dated ones and yearly rules
 * with a day ("senast 31 december året före", "senast 30 november"), nearest first.
 */
export function nextDeadlines(cal: CalendarData, today: IsoDay, filter: OccurrenceFilter = {}, horizonDays = 400): CalendarOccurrence[] {
  return occurrencesBetween(cal, today, addDays(today, horizonDays), { ...filter, kinds: ['deadline'] })
    .filter((o) => o.date >= today && o.precision === 'day');
}

/** The last dated meeting of a group in the documents or imports: the edge of what is known. */
export function lastKnownMeeting(cal: CalendarData, filter: OccurrenceFilter): CalendarOccurrence | undefined {
  return datedOccurrences(cal, { ...filter, kinds: ['meeting'] }).at(-1);
}

/** All dated meetings of the year of the last known one (the latest mötesplan), for "beyond the data" answers. */
export function latestKnownPlan(cal: CalendarData, filter: OccurrenceFilter): CalendarOccurrence[] {
  const last = lastKnownMeeting(cal, filter);
  if (!last) return [];
  const year = last.date.slice(0, 4);
  return datedOccurrences(cal, { ...filter, kinds: ['meeting'] }).filter((o) => o.date.startsWith(year));
}

const STOPWORDS = new Set([
  'nar', 'ska', 'skall', 'upp', 'vad', 'handlar', 'om', 'ar', 'den', 'det', 'de', 'i', 'pa', 'for', 'med', 'och', 'hander',
  'var', 'vem', 'vilka', 'vilken', 'vilket', 'till', 'av', 'en', 'ett', 'som', 'vara', 'bli', 'blir', 'tas', 'las', 'man',
  'hur', 'nasta', 'kommande', 'senast', 'datum', 'dag', 'dagen', 'mote', 'motet', 'moten', 'hos', 'fran', 'under', 'ha',
  'har', 'hall', 'hallas', 'halls', 'sker', 'gors', 'lamnas', 'inlamnad', 'inlamnas', 'klar', 'klart', 'infor', 'efter',
  'innan', 'fore', 'vi', 'jag', 'du', 'kan', 'maste', 'behover', 'galler', 'nagon', 'nagot', 'sa', 'da', 'ju', 'val', 'tid',
]);

/** Content words of a question, normalised, for topic matching. */
export function topicTokens(text: string): string[] {
  return normalize(text).split(/[\s\-/:.]+/).filter((t) => t.length >= 2 && !STOPWORDS.has(t));
}

/** Letters an inflection adds to a stem ("-erna", "-arna", "-ens"). */
const INFLECTION = 4;

function tokenMatches(query: string, word: string): boolean {
  if (query === word) return true;
  // Swedish inflection: "planeringsdagen" ~ "planeringsdag", "bilagan" ~ "bilaga",
  // "revisionsseminariet" ~ "revisionsseminarium": a shared stem of at least 5 letters that
  // leaves at most two letters of the shorter word – and an inflection, not a compound's tail, of
  // the longer ("kommunikationsplanen" is no "kommunikation").
  let common = 0;
  while (common < query.length && common < word.length && query[common] === word[common]) common += 1;
  return common >= 5 && common >= Math.min(query.length, word.length) - 2 && Math.max(query.length, word.length) - common <= INFLECTION;
}

function topicScore(queryTokens: readonly string[], words: readonly string[]): number {
  let score = 0;
  for (const q of queryTokens) if (words.some((w) => tokenMatches(q, w))) score += 1;
  return score;
}

const topicWordsCache = new WeakMap<readonly string[], readonly string[]>();

/** The words of an item's topics: the list is the curated record's own, so its words are read once per data object. */
function topicWords(topics: readonly string[]): readonly string[] {
  let words = topicWordsCache.get(topics);
  if (!words) {
    words = topics.flatMap((t) => (t ? textWords(t) : []));
    topicWordsCache.set(topics, words);
  }
  return words;
}

/** The words of one calendar title or topic: the same texts are matched on every calendar turn. */
const textWords = memoizeText((text: string): readonly string[] => normalize(text).split(/[\s\-/:.()]+/).filter((w) => w.length >= 2));

const vocabularies = new WeakMap<CalendarData['events'], { rules: CalendarData['rules']; words: readonly string[]; found: Map<string, boolean> }>();

/**
 * Whether a question's word matches a word of some calendar item's topics or title: one that
 * matches none adds nothing to any item's score, so most questions score no item at all. The
 * curated items' words are gathered once per data object, the imports' on each call.
 */
function matchesSomeItem(cal: CalendarData, token: string): boolean {
  let v = vocabularies.get(cal.events);
  if (v?.rules !== cal.rules) {
    const items = [...cal.events, ...cal.rules];
    const words = new Set(items.flatMap((i) => [...topicWords(i.topics), ...(i.title ? textWords(i.title) : [])]));
    v = { rules: cal.rules, words: [...words], found: new Map() };
    vocabularies.set(cal.events, v);
  }
  let found = v.found.get(token);
  if (found === undefined) {
    found = v.words.some((w) => tokenMatches(token, w));
    // Bounded: the questions' words are not the calendar's.
    if (v.found.size >= 4096) v.found.clear();
    v.found.set(token, found);
  }
  return found || cal.additions.map(additionOccurrence).some((o) => [...topicWords(o.topics), ...(o.title ? textWords(o.title) : [])].some((w) => tokenMatches(token, w)));
}

export interface TopicMatch {
  /** Dated events and imports about the topic, best first, then by date. */
  events: CalendarOccurrence[];
  /** Yearly rules about the topic. */
  rules: CalendarRuleRecord[];
  score: number;
}

/**
 * Calendar items about what the question names ("delrapport T2", "planeringsdagen", "bilagan med
 * parternas åtaganden"): matched on topics and titles (topics weigh double). Only the best-scoring
 * items are returned. `ignore`: words not to match on (the group the question names).
 */
export function findByTopic(cal: CalendarData, question: string, filter: OccurrenceFilter = {}, ignore: readonly string[] = []): TopicMatch {
  const ignored = new Set(ignore.flatMap((w) => topicTokens(w)));
  // A year narrows the dates; it is not a topic ("ledardagarna 2017").
  const years = topicTokens(question).filter((t) => /^(19|20)\d\d$/.test(t));
  const tokens = topicTokens(question).filter((t) => !ignored.has(t) && !years.includes(t) && matchesSomeItem(cal, t));
  if (tokens.length === 0) return { events: [], rules: [], score: 0 };
  // Many items share their words (a mötesplan's titles): each list of words is scored once per question.
  const scored = new Map<readonly string[], number>();
  const scoreWords = (words: readonly string[]): number => {
    let score = scored.get(words);
    if (score === undefined) scored.set(words, (score = topicScore(tokens, words)));
    return score;
  };
  const scoreOf = (topics: readonly string[], title: string) => 2 * scoreWords(topicWords(topics)) + (title ? scoreWords(textWords(title)) : 0);
  const dated = datedOccurrences(cal, filter);
  const inYears = dated.filter((o) => years.includes(o.date.slice(0, 4)));
  const events = (years.length > 0 && inYears.length > 0 ? inYears : dated).map((o) => ({ o, s: scoreOf(o.topics, o.title) }));
  const rules = cal.rules
    .filter((r) => (filter.forbund === undefined || r.forbund === filter.forbund)
      && (filter.group === undefined || r.organ === filter.group || r.alsoOrgans.includes(filter.group) || r.verksamhet === filter.group))
    .map((r) => ({ r, s: scoreOf(r.topics, r.title) }));
  const best = Math.max(0, ...events.map((e) => e.s), ...rules.map((r) => r.s));
  if (best === 0) return { events: [], rules: [], score: 0 };
  // Near-best items count too ("delrapport T2": the mötesplan rows and the tertial rule).
  const cut = Math.max(2, Math.ceil(best * 0.6));
  return {
    events: events.filter((e) => e.s >= cut).map((e) => e.o),
    rules: rules.filter((r) => r.s >= cut).map((r) => r.r),
    score: best,
  };
}

/** The next occurrence of a yearly rule on or after `today` (the rule's date, or its period still running). */
export function nextOfRule(rule: CalendarRuleRecord, today: IsoDay): CalendarOccurrence | undefined {
  const year = Number(today.slice(0, 4));
  for (let y = year - 1; y <= year + 2; y += 1) {
    const o = projectRule(rule, y);
    if (o && (o.endDate ?? o.date) >= today) return o;
  }
  return undefined;
}
