/**
 * How the årshjul route and dialog read a question: the groups it names, its förbund, and the
 * intent from the feature's evidence table (src/domain/calendar/cues.ts) with the calendar's
 * signals (a group named, how well the calendar holds the topic).
 */
import type { BotDeps } from '../src/core/deps.js';
import { calendarFromData, groupNames } from '../src/domain/calendar/fromData.js';
import { findGroups, type GroupName } from '../src/domain/calendar/groups.js';
import { classifyCalendarQuestion, type CalendarQuestion } from '../src/domain/calendar/intent.js';
import { findByTopic } from '../src/domain/calendar/queries.js';
import { zonedDay } from '../src/domain/calendar/zone.js';
import { parseQueryCached } from '../src/domain/entities.js';
import { forbundOf, inConversation } from '../src/domain/forbund.js';
import type { Understanding } from '../src/understanding/understand.js';
import { questionClause } from '../src/understanding/form.js';

/** What the route and the dialog both need to read a question: the groups, the förbund, the intent. */
export interface ArshjulReading {
  question?: CalendarQuestion;
  forbund: string;
  groups: GroupName[];
  group?: GroupName;
  named: GroupName[];
}

/** The groups of the förbund with the most dated meetings and deadlines in data/ (the subscription choices). */
export function busiestGroups(data: BotDeps['data'], reading: ArshjulReading, limit = 5): GroupName[] {
  const counts = new Map<string, number>();
  for (const e of data.calendarEvents) {
    if (e.forbund !== reading.forbund) continue;
    for (const id of new Set([e.organ, e.verksamhet, ...e.alsoOrgans])) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return reading.groups
    .filter((g) => g.forbund === reading.forbund && counts.has(g.id))
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
    .slice(0, limit);
}

/** How a group is typed in a command: an organ by its capital short form ("SSG") or first alias, a verksamhet by its name. */
export function shortName(g: GroupName): string {
  if (g.kind !== 'organ') return g.name;
  return g.aliases.find((a) => a.length >= 2 && a.length <= 4 && /^\p{Lu}+$/u.test(a)) ?? g.aliases[0] ?? g.name;
}

/** Reads an årshjul question (pure apart from the data it is handed). */
export function readArshjulQuestion(deps: Pick<BotDeps, 'data' | 'state'>, text: string, today: string, conversationForbund?: string): ArshjulReading {
  return readQuestion(deps.data, deps.state.read().calendarAdditions, text, today, conversationForbund);
}

/**
 * The reading of the turn's understood question: the route's score and the dialog's direct answer
 * read the same question in one turn, so it is read once (kept by the understanding, which is the
 * turn's own, as long as the data and the calendar additions are the same).
 */
export function readingOf(deps: Pick<BotDeps, 'data' | 'state'>, u: Pick<Understanding, 'text' | 'now' | 'query'>): ArshjulReading {
  const today = zonedDay(u.now);
  const additions = deps.state.read().calendarAdditions;
  const hit = readings.get(u);
  if (hit !== undefined && hit.data === deps.data && hit.additions === additions && hit.today === today) return hit.reading;
  const reading = readQuestion(deps.data, additions, u.text, today, u.query.conversationForbund);
  readings.set(u, { data: deps.data, additions, today, reading });
  return reading;
}

const readings = new WeakMap<object, { data: BotDeps['data']; additions: readonly unknown[]; today: string; reading: ArshjulReading }>();
const groupsByForbund = new WeakMap<readonly GroupName[], Map<string, GroupName[]>>();

/** The groups of one förbund, once per list (a new filtered list would compile its aliases anew, groups.ts). */
function groupsOf(groups: readonly GroupName[], forbund: string): GroupName[] {
  let byForbund = groupsByForbund.get(groups);
  if (!byForbund) groupsByForbund.set(groups, (byForbund = new Map()));
  let own = byForbund.get(forbund);
  if (!own) byForbund.set(forbund, (own = groups.filter((g) => g.forbund === forbund)));
  return own;
}

function readQuestion(data: BotDeps['data'], additions: ReturnType<BotDeps['state']['read']>['calendarAdditions'], text: string, today: string, conversationForbund?: string): ArshjulReading {
  const groups = groupNames(data);
  const query = inConversation(parseQueryCached(data, text), conversationForbund);
  const forbund = forbundOf(data, query);
  const own = groupsOf(groups, forbund);
  // The groups the question's own clause names come first: "Jag på kansliet … Vilket datum har styrelsen …?" asks about the styrelse.
  const clause = questionClause(text);
  const asked = clause === undefined || clause === text ? [] : findGroups(clause, own).map((m) => m.group);
  const named = [...asked, ...findGroups(text, own).map((m) => m.group).filter((g) => !asked.includes(g))];
  const group = named.find((g) => g.kind === 'organ') ?? named[0];
  const cal = calendarFromData(data, additions);
  const topic = findByTopic(cal, text, { forbund }, named.flatMap((g) => [g.name, ...g.aliases]));
  const question = classifyCalendarQuestion(query, text, today, { hasGroup: named.length > 0, topicScore: topic.score });
  return { question, forbund, groups, group, named };
}

/** The route's score for a question (routes.ts): the score of the table's line that holds. */
export function arshjulScore(deps: Pick<BotDeps, 'data' | 'state'>, u: Pick<Understanding, 'text' | 'now' | 'query'>): number {
  return readingOf(deps, u).question?.score ?? 0;
}
