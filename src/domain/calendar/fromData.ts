import type { CalendarAddition } from '../../data/schema.js';
import type { AgreementData } from '../../data/load.js';
import { normalize } from '../text.js';
import { findGroups, type GroupName } from './groups.js';
import type { CalendarData } from './occurrences.js';

/** The årshjul of the curated data plus the kansli's imported additions. */
export function calendarFromData(data: AgreementData, additions: readonly CalendarAddition[]): CalendarData {
  return { events: data.calendarEvents, rules: data.calendarRules, additions };
}

/** Every organ and verksamhet a question or a subscription can name. */
export function groupNames(data: AgreementData): GroupName[] {
  // Built once per data object (a reload makes a new one): every routed turn asks for it.
  let names = groupNamesCache.get(data);
  if (!names) {
    names = [
      ...data.organs.map((o) => ({ id: o.id, forbund: o.forbund, kind: 'organ' as const, name: o.name, aliases: o.aliases })),
      ...data.verksamheter.map((v) => ({ id: v.id, forbund: v.forbund, kind: 'verksamhet' as const, name: v.name, aliases: v.aliases })),
    ];
    groupNamesCache.set(data, names);
  }
  return names;
}

const groupNamesCache = new WeakMap<AgreementData, GroupName[]>();

/**
 * Which förbund a question is about: the one it names (its name, alias or member municipality),
 * else the one whose group it names, else the förbund with the most dated calendar events
 * (Umeåregionen: the documents' mötesplaner are its own).
 */
export function forbundOf(data: AgreementData, text: string, groups: readonly GroupName[]): string {
  const n = ` ${normalize(text)} `;
  const { own, busiest } = forbundNames(data);
  for (const f of own) {
    if (f.names.some((name) => name.length >= 4 && n.includes(` ${name}`))) return f.id;
  }
  const named = findGroups(text, groups.filter((g) => g.kind === 'verksamhet'));
  const forbunds = [...new Set(named.map((m) => m.group.forbund))];
  if (forbunds.length === 1 && forbunds[0] !== undefined) return forbunds[0];
  return busiest;
}

interface ForbundNames {
  /** Per förbund, its normalised names that no other förbund shares. */
  own: { id: string; names: string[] }[];
  /** The förbund with the most dated calendar events (the fallback). */
  busiest: string;
}

/**
 * Derived from data once per data object (a reload replaces the arrays, so the cache follows):
 * computing it per question was O(förbund² × names) normalisations on every routed turn.
 */
const namesCache = new WeakMap<AgreementData['forbund'], { events: AgreementData['calendarEvents']; names: ForbundNames }>();

function forbundNames(data: AgreementData): ForbundNames {
  const cached = namesCache.get(data.forbund);
  if (cached && cached.events === data.calendarEvents) return cached.names;
  const all = data.forbund.map((f) => ({ id: f.id, names: [f.id, f.name, ...f.aliases, ...f.municipalities].map(normalize) }));
  // Names two förbund share ("förbundet") say nothing about which one is meant.
  const own = all.map((f) => ({ id: f.id, names: f.names.filter((name) => !all.some((o) => o.id !== f.id && o.names.includes(name))) }));
  const counts = new Map<string, number>();
  for (const e of data.calendarEvents) counts.set(e.forbund, (counts.get(e.forbund) ?? 0) + 1);
  const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? data.forbund[0]?.id ?? 'umearegionen';
  const names = { own, busiest };
  namesCache.set(data.forbund, { events: data.calendarEvents, names });
  return names;
}

export function forbundName(data: AgreementData, id: string): string {
  return data.forbund.find((f) => f.id === id)?.name ?? id;
}
