import type { Fact, Reply, SourceRef } from '../../core/reply.js';
import type { DocumentInfo } from '../../data/schema.js';
import {
  addDays, dayParts, formatSwedishDay, formatSwedishDayLong, formatSwedishMonth, type DateExpression, type IsoDay,
} from '../dates.js';
import type { GroupName } from './groups.js';
import type { CalendarData, CalendarOccurrence, CalendarRuleRecord, OccurrenceFilter, OccurrenceSource } from './occurrences.js';
import { projectRule } from './occurrences.js';
import {
  eventsBetween, findByTopic, lastKnownMeeting, latestKnownPlan, nextDeadlines, nextMeeting, nextOfRule,
} from './queries.js';

/**
 * The årshjul's answers as channel-neutral Replies: short answer first, details after, every date
 * with its source. Never a date the documents do not give: beyond the last dated mötesplan the
 * answer says so and shows the latest known plan plus the yearly rules projected.
 */

export interface AnswerContext {
  cal: CalendarData;
  groups: readonly GroupName[];
  documents: readonly DocumentInfo[];
  today: IsoDay;
  forbund: string;
  forbundName: string;
}

const PART_OF_DAY: Record<string, string> = { formiddag: 'förmiddag', eftermiddag: 'eftermiddag', heldag: 'heldag' };

export function groupLabel(ctx: Pick<AnswerContext, 'groups'>, id: string, forbund?: string): string {
  const g = ctx.groups.find((x) => x.id === id && (forbund === undefined || x.forbund === forbund)) ?? ctx.groups.find((x) => x.id === id);
  if (!g) return id;
  const short = g.aliases.find((a) => a.length >= 2 && a.length <= 4 && a === a.toUpperCase() && /^\p{Lu}+$/u.test(a));
  return g.kind === 'organ' && short ? `${g.name} (${short})` : g.name;
}

function timeOf(o: CalendarOccurrence): string | undefined {
  if (o.startTime) return o.endTime ? `kl. ${o.startTime}–${o.endTime}` : `kl. ${o.startTime}`;
  return o.partOfDay ? PART_OF_DAY[o.partOfDay] : undefined;
}

function whenOf(o: CalendarOccurrence): string {
  if (o.precision === 'month') {
    const from = dayParts(o.date);
    const to = dayParts(o.endDate ?? o.date);
    if (from.year === to.year && from.month === to.month) return formatSwedishMonth(from.year, from.month);
    return `${formatSwedishMonth(from.year, from.month).split(' ')[0]}–${formatSwedishMonth(to.year, to.month)}`;
  }
  if (o.endDate && o.endDate !== o.date) return `${formatSwedishDay(o.date)} – ${formatSwedishDay(o.endDate)} (${o.date}–${o.endDate})`;
  return formatSwedishDayLong(o.date);
}

function whoOf(ctx: AnswerContext, o: CalendarOccurrence): string | undefined {
  const ids = o.organs.length > 0 ? o.organs : o.verksamhet ? [o.verksamhet] : [];
  return ids.length > 0 ? ids.map((id) => groupLabel(ctx, id, o.forbund)).join(', ') : undefined;
}

/** One line of a list: "fredag 26 maj 2023 (2023-05-26), förmiddag – Styrelsen: Avrapportering …". */
export function occurrenceLine(ctx: AnswerContext, o: CalendarOccurrence, withWho = true): string {
  const time = timeOf(o);
  const who = withWho ? whoOf(ctx, o) : undefined;
  const prefix = o.kind === 'deadline' ? 'Senast ' : '';
  const place = o.place ? `, ${o.place}` : '';
  return `${prefix}${whenOf(o)}${time ? `, ${time}` : ''}${place} – ${who ? `${who}: ` : ''}${o.title}`;
}

function sourceRef(ctx: Pick<AnswerContext, 'documents'>, s: OccurrenceSource): SourceRef {
  const doc = ctx.documents.find((d) => d.doc === s.doc);
  return doc ? { doc: s.doc, section: s.section, title: doc.title, date: doc.date } : { doc: s.doc, section: s.section };
}

/** The sources of some occurrences and rules, deduplicated, newest document first. */
export function sourcesOf(ctx: Pick<AnswerContext, 'documents'>, items: readonly { sources?: OccurrenceSource[]; source?: OccurrenceSource }[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const item of items) {
    for (const s of item.sources ?? (item.source ? [item.source] : [])) {
      const key = `${s.doc}|${s.section}`;
      if (!seen.has(key)) seen.set(key, sourceRef(ctx, s));
    }
  }
  return [...seen.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

function filterFor(ctx: AnswerContext, group?: string): OccurrenceFilter {
  return { forbund: ctx.forbund, group };
}

/** Yearly rules concerning a group (or all of the förbund), projected to their next occurrence. */
function upcomingRules(ctx: AnswerContext, group?: string): { rule: CalendarRuleRecord; next?: CalendarOccurrence }[] {
  return ctx.cal.rules
    .filter((r) => r.forbund === ctx.forbund && (group === undefined || r.organ === group || r.alsoOrgans.includes(group) || r.verksamhet === group))
    .map((rule) => ({ rule, next: nextOfRule(rule, ctx.today) }))
    .sort((a, b) => (a.next?.date ?? '9999').localeCompare(b.next?.date ?? '9999'));
}

function ruleLine(ctx: AnswerContext, rule: CalendarRuleRecord, next?: CalendarOccurrence): string {
  if (!next) return `${rule.title} (${rule.text})`;
  const concerns = rule.yearOffset !== 0 && next.concernsYear !== undefined ? ` (gäller ${next.concernsYear})` : '';
  return `${occurrenceLine(ctx, next)}${concerns}`;
}

/** "Beyond the documents" block: the latest known plan and the yearly rules, never invented dates. */
function beyondKnown(ctx: AnswerContext, group: string | undefined): { lines: string[]; items: (CalendarOccurrence | CalendarRuleRecord)[] } {
  const filter = filterFor(ctx, group);
  const plan = latestKnownPlan(ctx.cal, filter);
  const lines: string[] = [];
  const items: (CalendarOccurrence | CalendarRuleRecord)[] = [...plan];
  if (plan.length > 0) {
    const year = plan[0]?.date.slice(0, 4) ?? '';
    lines.push(`Den senaste kända mötesplanen gäller ${year}:`);
    for (const o of plan) lines.push(`• ${occurrenceLine(ctx, o, group === undefined)}`);
  }
  const rules = upcomingRules(ctx, group).filter((r) => r.next && r.next.kind !== 'other');
  if (rules.length > 0) {
    lines.push('Återkommande varje år enligt dokumenten:');
    for (const r of rules) {
      lines.push(`• ${ruleLine(ctx, r.rule, r.next)}`);
      items.push(r.rule);
    }
  }
  lines.push('Kansliet kan lägga in nästa års mötesplan (import eller chattkommando), så svarar jag med de nya datumen.');
  return { lines, items };
}

/** "När är nästa styrelsemöte?" — 001, 5. Mötesplan för 2023/Årshjul (and 2017 dates in 002). */
export function nextMeetingReply(ctx: AnswerContext, group: string | undefined): Reply {
  const filter = filterFor(ctx, group);
  const result = nextMeeting(ctx.cal, ctx.today, filter);
  const who = group ? groupLabel(ctx, group, ctx.forbund) : ctx.forbundName;
  const first = result.next[0];
  if (first) {
    const facts: Fact[] = [{ label: 'Datum', value: formatSwedishDayLong(first.date) }];
    for (const o of result.next) {
      const time = timeOf(o);
      facts.push({ label: time ? `Innehåll (${time})` : 'Innehåll', value: group ? o.title : `${whoOf(ctx, o) ?? ''}: ${o.title}` });
      if (o.place) facts.push({ label: 'Plats', value: o.place });
    }
    const later = eventsBetween(ctx.cal, addDays(first.date, 1), addDays(first.date, 120), { ...filter, kinds: ['meeting'] }).slice(0, 3);
    const lines = [
      `Nästa möte för ${who} är ${formatSwedishDayLong(first.date)}${timeOf(first) ? `, ${timeOf(first)}` : ''}: ${[...new Set(result.next.map((o) => o.title))].join(' / ')}.`,
    ];
    if (first.about) lines.push(first.about);
    if (later.length > 0) {
      lines.push('Därefter:');
      for (const o of later) lines.push(`• ${occurrenceLine(ctx, o, group === undefined)}`);
    }
    return { text: lines.join('\n'), facts, sources: sourcesOf(ctx, [...result.next, ...later]) };
  }
  const last = result.lastKnown ?? lastKnownMeeting(ctx.cal, filter);
  const beyond = beyondKnown(ctx, group);
  const head = last
    ? `Dokumenten har inga mötesdatum för ${who} efter ${formatSwedishDayLong(last.date)}, så jag kan inte säga när nästa möte är (idag är ${formatSwedishDay(ctx.today)}).`
    : `Dokumenten har inga mötesdatum för ${who}.`;
  return { text: [head, ...beyond.lines].join('\n'), sources: sourcesOf(ctx, beyond.items) };
}

/** "Sista styrelsemötet 2023": the last dated meeting of a year, or the last one the documents give. */
export function lastMeetingReply(ctx: AnswerContext, group: string | undefined, year: number | undefined): Reply {
  const filter = { ...filterFor(ctx, group), kinds: ['meeting' as const] };
  const all = eventsBetween(ctx.cal, year ? `${year}-01-01` : '1900-01-01', year ? `${year}-12-31` : '2999-12-31', filter).filter((o) => o.origin !== 'rule');
  const last = all.at(-1);
  const who = group ? groupLabel(ctx, group, ctx.forbund) : ctx.forbundName;
  if (!last) return { text: `Dokumenten har inga mötesdatum för ${who}${year ? ` ${year}` : ''}.` };
  const sameDay = all.filter((o) => o.date === last.date);
  const lines = [`Sista mötet för ${who}${year ? ` ${year}` : ' i dokumenten'}: ${occurrenceLine(ctx, last, false)}${sameDay.length > 1 ? ` (samma dag: ${sameDay.filter((o) => o !== last).map((o) => o.title).join(', ')})` : ''}.`];
  if (last.about) lines.push(last.about);
  return { text: lines.join('\n'), sources: sourcesOf(ctx, sameDay) };
}

function rangeLabel(expr: DateExpression): string {
  if (expr.kind === 'month') return formatSwedishMonth(expr.year, expr.month);
  if (expr.kind === 'day') return formatSwedishDayLong(expr.day);
  return `${expr.label} (${expr.from}–${expr.to})`;
}

function rangeOf(expr: DateExpression): { from: IsoDay; to: IsoDay } {
  return expr.kind === 'day' ? { from: expr.day, to: expr.day } : { from: expr.from, to: expr.to };
}

/** "Möten i maj", "vad händer i oktober?", "nästa vecka": dated events and projected yearly rules in the period. */
export function periodReply(ctx: AnswerContext, expr: DateExpression, group: string | undefined, meetingsOnly: boolean): Reply {
  const { from, to } = rangeOf(expr);
  const filter = { ...filterFor(ctx, group), ...(meetingsOnly ? { kinds: ['meeting' as const, 'period' as const] } : {}) };
  const found = eventsBetween(ctx.cal, from, to, filter).filter((o) => !meetingsOnly || o.origin !== 'rule' || o.kind === 'period');
  const dated = found.filter((o) => o.origin !== 'rule');
  const rules = found.filter((o) => o.origin === 'rule');
  const who = group ? ` för ${groupLabel(ctx, group, ctx.forbund)}` : '';
  const label = rangeLabel(expr);
  const lines: string[] = [];
  const items: (CalendarOccurrence | CalendarRuleRecord)[] = [...found];
  if (dated.length > 0) {
    lines.push(`${meetingsOnly ? 'Möten' : 'Detta händer'}${who} ${expr.kind === 'day' ? '' : 'i '}${label} (${ctx.forbundName}):`);
    for (const o of dated) lines.push(`• ${occurrenceLine(ctx, o, group === undefined)}`);
  }
  if (rules.length > 0) {
    lines.push(dated.length > 0 ? 'Enligt årshjulet samma period:' : `Enligt årshjulet${who} ${expr.kind === 'day' ? '' : 'i '}${label} (${ctx.forbundName}):`);
    for (const o of rules) lines.push(`• ${occurrenceLine(ctx, o, group === undefined)}${o.concernsYear !== undefined && !o.date.startsWith(String(o.concernsYear)) ? ` (gäller ${o.concernsYear})` : ''}`);
  }
  const last = lastKnownMeeting(ctx.cal, filterFor(ctx, group));
  if (dated.length === 0 && last && from > last.date) {
    // Beyond the last dated plan: show the same months of the latest known plan, clearly marked.
    const knownYear = Number(last.date.slice(0, 4));
    const shift = knownYear - dayParts(from).year;
    const shiftDay = (d: IsoDay) => `${dayParts(d).year + shift}${d.slice(4)}`;
    const same = eventsBetween(ctx.cal, shiftDay(from), shiftDay(to), { ...filterFor(ctx, group), kinds: ['meeting', 'period', 'deadline'] })
      .filter((o) => o.origin !== 'rule');
    lines.unshift(`Dokumenten har inga daterade möten${who} för ${label}: den senaste kända mötesplanen gäller ${knownYear}.`);
    if (same.length > 0) {
      lines.push(`Samma tid ${knownYear} (senaste kända mötesplan, inte ett datum för ${dayParts(from).year}):`);
      for (const o of same) lines.push(`• ${occurrenceLine(ctx, o, group === undefined)}`);
      items.push(...same);
    }
  } else if (dated.length === 0) {
    // Nothing dated in the period: say so first, then the next meeting, then what the yearly rules say.
    const none = meetingsOnly ? `Inga möten${who} ${expr.kind === 'day' ? '' : 'i '}${label} enligt mötesplanen (${ctx.forbundName}).` : `Inget daterat${who} ${expr.kind === 'day' ? '' : 'i '}${label} (${ctx.forbundName}).`;
    const next = nextMeeting(ctx.cal, addDays(to, 1), filterFor(ctx, group)).next[0];
    lines.unshift(none, ...(next ? [`Nästa möte därefter: ${occurrenceLine(ctx, next, group === undefined)}`] : []));
    if (next) items.push(next);
  }
  return { text: lines.join('\n'), sources: sourcesOf(ctx, items) };
}

/** "Nästa deadline": dated deadlines and yearly rules with a day ("senast 30 november", "31 december året före"). */
export function deadlineReply(ctx: AnswerContext, group: string | undefined): Reply {
  const all = nextDeadlines(ctx.cal, ctx.today, filterFor(ctx, group));
  // A yearly rule on the same day as a dated deadline of the same organ says the same thing twice.
  const list = all.filter((o) => o.origin !== 'rule' || !all.some((d) => d.origin !== 'rule' && d.date === o.date && d.organs.some((g) => o.organs.includes(g)))).slice(0, 4);
  const first = list[0];
  if (!first) {
    return { text: `Jag hittar ingen kommande deadline${group ? ` för ${groupLabel(ctx, group, ctx.forbund)}` : ''} i dokumenten.` };
  }
  // Dates from yearly rules are marked as such: they follow from the rule, no plan names them.
  const line = (o: CalendarOccurrence) =>
    `${occurrenceLine(ctx, o)}${o.concernsYear !== undefined && !o.date.startsWith(String(o.concernsYear)) ? ` (gäller ${o.concernsYear})` : ''}${o.origin === 'rule' ? ' [årlig regel]' : ''}`;
  const lines = [`Nästa deadline: ${line(first)}.`];
  if (first.text) lines.push(first.text);
  if (list.length > 1) {
    lines.push('Därefter:');
    for (const o of list.slice(1)) lines.push(`• ${line(o)}`);
  }
  return { text: lines.join('\n'), sources: sourcesOf(ctx, list) };
}

/** "När ska delrapport T2 upp?", "Vad handlar planeringsdagen om?", "När ska bilagan … vara inlämnad?". */
export function topicReply(ctx: AnswerContext, question: string, group: string | undefined, ignore: readonly string[] = []): Reply | undefined {
  let match = findByTopic(ctx.cal, question, filterFor(ctx, group), ignore);
  // The group a question names may be a word of the topic ("beredningen av ansökningarna"): try without it.
  if (match.events.length === 0 && match.rules.length === 0 && group !== undefined) match = findByTopic(ctx.cal, question, filterFor(ctx, undefined));
  if (match.events.length === 0 && match.rules.length === 0) return undefined;
  const years = [...question.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  const lines: string[] = [];
  const items: (CalendarOccurrence | CalendarRuleRecord)[] = [];
  const upcoming = match.events.filter((o) => (o.endDate ?? o.date) >= ctx.today);
  const past = match.events.filter((o) => (o.endDate ?? o.date) < ctx.today);
  if (upcoming.length > 0) {
    lines.push('I mötesplanen:');
    for (const o of upcoming) lines.push(`• ${occurrenceLine(ctx, o)}`);
    items.push(...upcoming);
  }
  for (const rule of match.rules) {
    lines.push(`${rule.title}: ${rule.text}`);
    // A year in the question ("åtaganden för 2024") is the year the rule concerns.
    const asked = years.map((y) => projectRule(rule, y)).filter((o): o is CalendarOccurrence => o !== undefined);
    for (const o of asked) lines.push(`För ${o.concernsYear}: ${ruleLine(ctx, rule, o)}.`);
    const next = nextOfRule(rule, ctx.today);
    if (next && asked.length === 0) lines.push(`Nästa gång: ${ruleLine(ctx, rule, next)}.`);
    items.push(rule);
  }
  if (past.length > 0 && (upcoming.length === 0 || past.length <= 3)) {
    lines.push(upcoming.length === 0 ? `Senast i dokumenten (redan passerat, idag är ${formatSwedishDay(ctx.today)}):` : 'Tidigare:');
    for (const o of past.slice(-6)) lines.push(`• ${occurrenceLine(ctx, o)}`);
    items.push(...past.slice(-6));
  }
  const about = [...new Set(match.events.map((o) => o.about).filter((a): a is string => a !== undefined))];
  for (const a of about) lines.push(`Om innehållet: ${a}`);
  // A note that questions the date (the planeringsdag: "september" in Bilaga 4, 6 October in the plan) is worth showing once.
  const note = match.events.map((o) => o.note).find((n) => n !== undefined && /september/i.test(n));
  if (note) lines.push(`Obs: ${note}`);
  return { text: lines.join('\n'), sources: sourcesOf(ctx, items) };
}

/** The whole årshjul of a year: dated events and yearly rules, month by month. */
export function yearReply(ctx: AnswerContext, year: number, group: string | undefined, meetingsOnly = false): Reply {
  return periodReply(ctx, {
    kind: 'range', from: `${year}-01-01`, to: `${year}-12-31`, label: String(year), matched: String(year),
  }, group, meetingsOnly);
}
