import { parseSwedishDate, type DateExpression, type IsoDay } from '../dates.js';
import { asksForDate, asksValidity } from '../routing/dateQuestion.js';
import { firstHolding, type EvidenceInput } from '../../understanding/cues.js';
import { messageForm } from '../../understanding/form.js';
import { entityTokens } from '../entities.js';
import { normalize } from '../text.js';
import { CALENDAR_EVIDENCE, CALENDAR_LINES, type CalendarSignal } from './cues.js';
import { topicTokens } from './queries.js';

/** What an årshjul question asks for. */
export type CalendarIntent =
  | 'subscribe' | 'unsubscribe' | 'listSubscriptions' | 'addEvent'
  | 'nextMeeting' | 'lastMeeting' | 'deadline' | 'period' | 'topic' | 'year';

export interface CalendarQuestion {
  intent: CalendarIntent;
  /** How clearly the question is about the årshjul, 0..1 (routes.ts scale: ~0.9 clear, ~0.5 plausible). */
  score: number;
  date?: DateExpression;
  /** "möten i maj" asks for meetings only; "vad händer i maj" for everything. */
  meetingsOnly: boolean;
}

/**
 * Classifies a question about the årshjul (DESIGN.md, Årshjul & påminnelser) and says how sure it
 * is: the first line of the feature's table that holds (src/domain/calendar/cues.ts). `hasGroup`
 * tells whether a group (styrelse, SSG …) was named, `topicScore` how well the calendar holds the
 * question's topic — both make a question more clearly ours.
 */
export function classifyCalendarQuestion(query: EvidenceInput['query'], text: string, today: IsoDay, hints: { hasGroup: boolean; topicScore: number }): CalendarQuestion | undefined {
  const date = parseSwedishDate(text, today);
  // The message's form (its question clause: "Jag på Viva: senast när måste vi …" asks when).
  const input = { query, form: messageForm(text, (clause) => (clause === text ? query.tokens : entityTokens(normalize(clause)))), signals: calendarSignals(query, text, date, hints) };
  const line = firstHolding(CALENDAR_EVIDENCE, CALENDAR_LINES, input);
  if (line?.intent === undefined) return undefined;
  return { intent: line.intent, score: line.score, meetingsOnly: line.meetingsOnly, ...(date !== undefined ? { date } : {}) };
}

/** The table's signals: the date in the question, what the calendar and data/ hold of it, the date questions. */
function calendarSignals(query: EvidenceInput['query'], text: string, date: DateExpression | undefined, hints: { hasGroup: boolean; topicScore: number }): Record<CalendarSignal, boolean> {
  const words = query.normalized.split(' ').filter((w) => w !== '');
  const rest = words[0] === 'i' || words[0] === 'under' ? words.slice(1) : words;
  return {
    date: date !== undefined,
    dateNotDay: date !== undefined && date.kind !== 'day',
    dateMonth: date?.kind === 'month',
    // The whole message is a month ("i maj", "oktober 2024").
    onlyMonth: rest.length === 1 || (rest.length === 2 && /^\d{4}$/u.test(rest[1] ?? '')),
    year: query.tokens.some((t) => /^(19|20)\d\d$/u.test(t)),
    group: hints.hasGroup,
    topic1: hints.topicScore >= 1,
    topic2: hints.topicScore >= 2,
    topic3: hints.topicScore >= 3,
    topic4: hints.topicScore >= 4,
    topicWords: topicTokens(text).length > 1,
    asksDate: asksForDate(query.normalized),
    validity: asksValidity(query.normalized),
  };
}
