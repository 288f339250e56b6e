import type { CalendarAddition } from '../../data/schema.js';
import type { AgreementData } from '../../data/load.js';
import type { GroupName } from './groups.js';
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

export function forbundName(data: AgreementData, id: string): string {
  return data.forbund.find((f) => f.id === id)?.name ?? id;
}
