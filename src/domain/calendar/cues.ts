/**
 * What the årshjul answers, in one table (src/understanding/cues.ts): its cue words by group and,
 * in order, the combinations that make a question one of its intents and how sure that is. The
 * signals come from data/ and the calendar (a group named, how well the calendar holds the topic)
 * and from the shared readers of dates (a date in the question, a date or validity asked for);
 * cue words are generic Swedish.
 */
import type { EvidenceRule, EvidenceTable } from '../../understanding/cues.js';
import type { CalendarIntent } from './intent.js';

/** The signals the feature computes for a question (intent.ts `calendarSignals`). */
export type CalendarSignal =
  | 'date' | 'dateNotDay' | 'dateMonth' | 'onlyMonth' | 'year' | 'group'
  | 'topic1' | 'topic2' | 'topic3' | 'topic4' | 'topicWords' | 'asksDate' | 'validity';

export const CALENDAR_EVIDENCE: EvidenceTable<CalendarSignal> = {
  signals: ['date', 'dateNotDay', 'dateMonth', 'onlyMonth', 'year', 'group', 'topic1', 'topic2', 'topic3', 'topic4', 'topicWords', 'asksDate', 'validity'],
  groups: {
    // Subscriptions (commands): ending, listing, starting.
    unsubscribeWord: { stems: ['avprenumerera', 'avbestall', 'sluta prenumerera', 'inga fler paminnelser', 'stang av paminnelse'] },
    stop: { exact: ['avsluta'], stems: ['ta bort'] },
    subscription: { stems: ['prenumeration'] },
    listSubscriptions: {
      stems: ['vilka prenumerationer', 'vilka paminnelser', 'visa prenumerationer', 'visa paminnelser', 'lista prenumerationer', 'lista paminnelser',
        'prenumerationer har', 'prenumerationer finns', 'prenumererar kanalen', 'prenumererar vi', 'prenumererar den har kanalen'],
    },
    subscribe: { stems: ['prenumerera', 'bevaka', 'paminn oss', 'paminn kanalen', 'paminn mig', 'paminnelser for', 'paminnelser om', 'paminnelser till', 'sla pa paminnelse'] },
    // Adding to the calendar (commands).
    add: { stems: ['lagg till', 'lagg in'], exact: ['nytt', 'registrera'] },
    event: { exact: ['mote', 'sammantrade', 'deadline', 'datum'] },
    importVerb: { exact: ['importera'] },
    calendarFile: { stems: ['motesplan', 'arshjul'] },
    // Questions.
    deadline: { words: ['deadline'], stems: ['vad ska vara klart', 'vad ska vara inlamnat'] },
    last: { exact: ['sista', 'senaste', 'avslutande'] },
    dayOrDate: { exact: ['dag', 'datum'] },
    oneMeeting: { ends: ['mote', 'motet'], stems: ['sammantrade', 'styrelsemote'] },
    meeting: { ends: ['mote', 'motet', 'moten', 'motena'], stems: ['sammantrade', 'styrelsemote', 'motesplan'], exact: ['motesdatum', 'motestider', 'traffas'] },
    whichDays: { stems: ['vilka dagar', 'vilka datum'] },
    next: { exact: ['nasta', 'kommande', 'narmaste'] },
    // "… för nästa år": the coming year, not the next meeting.
    nextYear: { stems: ['nasta ar', 'kommande ar', 'nasta verksamhetsar'] },
    // "sista dag?", "sista ansökningsdag": a deadline's day asked for.
    lastDay: { stems: ['sista dag', 'sista datum', 'sista ansokningsdag', 'sista ansokningsdatum'] },
    weekday: { stems: ['vilken veckodag'] },
    // "Var är styrelsemötet …?": where a meeting is held (the meeting's place, with its day).
    where: { stems: ['var ar', 'var ligger', 'var halls', 'var sker', 'var blir'] },
    happening: {
      exact: ['hander', 'hande', 'planerat', 'inplanerat', 'kalender', 'kalendern', 'aktiviteter', 'agenda', 'agendan', 'dagordning', 'dagordningen', 'schemat'],
      stems: ['pa gang', 'vad ar det', 'vad gors'],
    },
    // "Vad händer i maj" asks for everything, "möten i maj" for meetings.
    happens: { exact: ['hander'], stems: ['pa gang'] },
    content: { stems: ['vad handlar', 'vad tas upp', 'innehallet'] },
    about: { exact: ['handlar'] },
    on: { exact: ['om'] },
    howOften: { stems: ['hur ofta'] },
    yearbook: { words: ['arshjul', 'motesplan'] },
  },
  // The intents' lines below decide; the route's score is the score of the line that holds.
  rules: [],
};

/** One line of the intent table: the first that holds decides the intent and the score. */
export interface CalendarLine {
  /** Undefined: the question is not the årshjul's (an agreement's validity). */
  intent?: CalendarIntent;
  score: number;
  meetingsOnly: boolean;
  rule: Omit<EvidenceRule, 'score'>;
}

/** "När …", "vilket datum …", "vilken veckodag …", or a question whose form asks when ("senast när måste vi …"): a date asked for. */
const WHEN: readonly string[] = ['asksDate', 'weekday', 'form:nar', 'lastDay'];

export const CALENDAR_LINES: readonly CalendarLine[] = [
  { intent: 'unsubscribe', score: 0.95, meetingsOnly: false, rule: { all: ['unsubscribeWord'] } },
  { intent: 'unsubscribe', score: 0.95, meetingsOnly: false, rule: { all: ['stop', 'subscription'] } },
  { intent: 'listSubscriptions', score: 0.95, meetingsOnly: false, rule: { all: ['listSubscriptions'] } },
  { intent: 'subscribe', score: 0.95, meetingsOnly: false, rule: { all: ['subscribe'] } },
  // A command, not a question: it should win over any route that merely recognises words in the title.
  { intent: 'addEvent', score: 1, meetingsOnly: false, rule: { all: ['add', 'event'] } },
  { intent: 'addEvent', score: 1, meetingsOnly: false, rule: { all: ['importVerb', 'calendarFile'] } },
  // "Mellan vilka datum gäller överenskommelsen?" asks for its validity, which the agreement states.
  { score: 0, meetingsOnly: false, rule: { all: ['validity'] } },
  { intent: 'deadline', score: 0.9, meetingsOnly: false, rule: { all: ['deadline'], none: ['topic1'] } },
  // "Finns det några deadlines i december?": the word and a month ask for the deadlines, whatever else the calendar holds of the month.
  { intent: 'deadline', score: 0.9, meetingsOnly: false, rule: { all: ['deadline', 'dateMonth'] } },
  { intent: 'deadline', score: 0.9, meetingsOnly: false, rule: { all: ['last', 'dayOrDate'], none: ['topic1'] } },
  { intent: 'lastMeeting', score: 0.92, meetingsOnly: true, rule: { all: ['last', 'oneMeeting'] } },
  { intent: 'year', score: 0.92, meetingsOnly: true, rule: { all: ['year', 'group'], any: ['meeting', 'whichDays'], none: ['date', 'topic2'] } },
  { intent: 'nextMeeting', score: 0.92, meetingsOnly: true, rule: { all: ['next'], any: ['meeting', 'group'], none: ['dateNotDay', 'nextYear'] } },
  // "När skickades kallelsen till mötet 2017-04-21?": a clear topic outweighs the date in the question.
  { intent: 'topic', score: 0.95, meetingsOnly: false, rule: { all: ['topic3'], any: WHEN } },
  { intent: 'period', score: 0.9, meetingsOnly: true, rule: { all: ['date', 'meeting'], none: ['happens'] } },
  { intent: 'period', score: 0.9, meetingsOnly: false, rule: { all: ['date'], any: ['meeting', 'happening'] } },
  // A group and a date alone ("vad beslutade styrelsen 2017-02-24?") may well be about decisions.
  { intent: 'period', score: 0.6, meetingsOnly: false, rule: { all: ['date', 'group'] } },
  // "När …" about something the årshjul holds is plainly a calendar question.
  { intent: 'topic', score: 0.95, meetingsOnly: false, rule: { all: ['topic2'], any: WHEN } },
  // "Ligger planeringsdagen i september?": a yes or no about an item's month is its date, said against the month.
  { intent: 'topic', score: 0.9, meetingsOnly: false, rule: { all: ['topic2', 'form:yesno', 'dateMonth'] } },
  { intent: 'topic', score: 0.88, meetingsOnly: false, rule: { all: ['topic2', 'content'] } },
  { intent: 'topic', score: 0.88, meetingsOnly: false, rule: { all: ['topic2', 'about', 'on'] } },
  // "Hur ofta …" is ours only when the årshjul clearly holds the topic (a rule such as "varannan månad").
  { intent: 'topic', score: 0.9, meetingsOnly: false, rule: { all: ['topic4', 'howOften'] } },
  { intent: 'topic', score: 0.7, meetingsOnly: false, rule: { all: ['topic3', 'howOften'] } },
  { intent: 'year', score: 0.9, meetingsOnly: false, rule: { all: ['yearbook'], none: ['date', ...WHEN] } },
  // A date asked about a meeting or a group: a topic when the calendar holds more than the group's name.
  { intent: 'topic', score: 0.85, meetingsOnly: true, rule: { all: ['topic1', 'topicWords', 'meeting'], any: WHEN } },
  { intent: 'topic', score: 0.85, meetingsOnly: true, rule: { all: ['topic1', 'topicWords', 'group'], any: WHEN } },
  { intent: 'nextMeeting', score: 0.85, meetingsOnly: true, rule: { all: ['meeting'], any: WHEN } },
  { intent: 'nextMeeting', score: 0.85, meetingsOnly: true, rule: { all: ['meeting', 'where'] } },
  { intent: 'nextMeeting', score: 0.85, meetingsOnly: true, rule: { all: ['group'], any: WHEN } },
  { intent: 'topic', score: 0.6, meetingsOnly: false, rule: { all: ['topic1'], any: WHEN } },
  { intent: 'period', score: 0.6, meetingsOnly: false, rule: { all: ['dateMonth', 'onlyMonth'] } },
];
