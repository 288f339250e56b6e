import { parseSwedishDate, type DateExpression, type IsoDay } from '../dates.js';
import { asksForDate, asksValidity } from '../routing/dateQuestion.js';
import { normalize } from '../text.js';
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

const MEETING_WORD = /\b(mote|motet|moten|motena|sammantrade\w*|styrelsemote\w*|\w+mote|\w+motet|\w+moten|motesplan\w*|motesdatum|motestider|traffas)\b/;

/**
 * Classifies a question about the årshjul (DESIGN.md, Årshjul & påminnelser) and says how sure it
 * is. `hasGroup` tells whether a group (styrelse, SSG …) was named, `topicHit` whether the calendar
 * holds an item about the question's topic — both make a question more clearly ours.
 */
export function classifyCalendarQuestion(text: string, today: IsoDay, hints: { hasGroup: boolean; topicScore: number }): CalendarQuestion | undefined {
  const n = normalize(text);
  const date = parseSwedishDate(text, today);
  const meetingWord = MEETING_WORD.test(n);

  if (/\b(avprenumerera|avsluta (min |var |kanalens )?prenumeration|sluta prenumerera|avbestall|ta bort (min |var )?prenumeration|inga fler paminnelser|stang av paminnelse)/.test(n)) {
    return { intent: 'unsubscribe', score: 0.95, meetingsOnly: false };
  }
  if (/\b(vilka|visa|lista) (prenumerationer|paminnelser)|prenumerationer (har|finns)|prenumererar (kanalen|vi|den har kanalen)( pa)?\b/.test(n)) {
    return { intent: 'listSubscriptions', score: 0.95, meetingsOnly: false };
  }
  if (/\bprenumerera|\bbevaka|paminn (oss|kanalen|mig)|\bpaminnelser (for|om|till)|\bsla pa paminnelse/.test(n)) {
    return { intent: 'subscribe', score: 0.95, meetingsOnly: false };
  }
  if (/\b(lagg till|lagg in|nytt|registrera) (ett )?(mote|sammantrade|deadline|datum)\b/.test(n) || /\bimportera (en |ny )?(motesplan|arshjul)/.test(n)) {
    // A command, not a question: it should win over any route that merely recognises words in the title.
    return { intent: 'addEvent', score: 1, date, meetingsOnly: false };
  }
  // "Mellan vilka datum gäller överenskommelsen?" asks for its validity, which the agreement states.
  if (asksValidity(n)) return undefined;
  if (/\b(deadline|deadlines|sista dag|sista datum|vad ska vara klart|vad ska vara inlamnat)\b/.test(n) && !hints.topicScore) {
    return { intent: 'deadline', score: 0.9, date, meetingsOnly: false };
  }
  if (/\b(sista|sista dagens|senaste|avslutande) (mote|motet|sammantrade|sammantradet|styrelsemote\w*|\w+motet?)\b/.test(n)) {
    return { intent: 'lastMeeting', score: 0.92, meetingsOnly: true };
  }
  if (!date && /\b(19|20)\d\d\b/.test(n) && (meetingWord || /\bvilka (dagar|datum)\b/.test(n)) && hints.hasGroup && hints.topicScore < 2) {
    return { intent: 'year', score: 0.92, meetingsOnly: true };
  }
  const asksNext = /\b(nasta|kommande|narmaste)\b/.test(n);
  // "När …?" as the question word, not "när" as a conjunction inside another question
  // ("vem är sammankallande när en deltagare ska kartläggas?").
  const asksWhen = /^(?:och |men |sa )?(nar|vilket datum|vilken dag|vilka dagar|vilka datum|vilken veckodag)\b/.test(n)
    || asksForDate(n);
  if (asksNext && (meetingWord || hints.hasGroup) && !(date && date.kind !== 'day')) {
    return { intent: 'nextMeeting', score: 0.92, meetingsOnly: true };
  }
  // "När skickades kallelsen till mötet 2017-04-21?": a clear topic outweighs the date in the question.
  if (asksWhen && hints.topicScore >= 3) return { intent: 'topic', score: 0.95, date, meetingsOnly: false };
  const calendarWords = meetingWord || /\b(hander|hande|pa gang|planerat|inplanerat|kalender|kalendern|aktiviteter|vad ar det|vad gors|agenda|agendan|dagordning|dagordningen|schemat)\b/.test(n);
  if (date && (calendarWords || hints.hasGroup)) {
    // A group and a date alone ("vad beslutade styrelsen 2017-02-24?") may well be about decisions.
    return { intent: 'period', score: calendarWords ? 0.9 : 0.6, date, meetingsOnly: meetingWord && !/\b(hander|pa gang)\b/.test(n) };
  }
  if (hints.topicScore >= 2 && asksWhen) {
    // "När …" about something the årshjul holds is plainly a calendar question.
    return { intent: 'topic', score: 0.95, date, meetingsOnly: false };
  }
  if (hints.topicScore >= 2 && /\b(vad handlar|handlar .* om|vad tas upp|innehallet)\b/.test(n)) {
    return { intent: 'topic', score: 0.88, date, meetingsOnly: false };
  }
  if (hints.topicScore >= 3 && /\bhur ofta\b/.test(n)) {
    // "Hur ofta …" is ours only when the årshjul clearly holds the topic (a rule such as "varannan månad").
    return { intent: 'topic', score: hints.topicScore >= 4 ? 0.9 : 0.7, date, meetingsOnly: false };
  }
  if (/\b(arshjul|arshjulet|motesplan|motesplanen)\b/.test(n) && !date && !asksWhen) {
    return { intent: 'year', score: 0.9, meetingsOnly: false };
  }
  if (asksWhen && (meetingWord || hints.hasGroup)) {
    return { intent: hints.topicScore >= 1 && topicTokens(text).length > 1 ? 'topic' : 'nextMeeting', score: 0.85, meetingsOnly: true };
  }
  if (hints.topicScore >= 1 && asksWhen) return { intent: 'topic', score: 0.6, date, meetingsOnly: false };
  if (date && date.kind === 'month' && /^(i |under )?\S+( \d{4})?$/.test(n)) return { intent: 'period', score: 0.6, date, meetingsOnly: false };
  return undefined;
}
