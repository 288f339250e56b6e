import type { Benefit, ReferringParty } from '../../data/schemas/individprocesser.js';

/** How each referring party is named in answers and choices. */
export const PARTY_LABELS: Record<ReferringParty, string> = {
  region: 'Regionen (psykiatrin, primärvården)',
  socialtjanst: 'Socialtjänsten',
  forsakringskassan: 'Försäkringskassan',
  arbetsformedlingen: 'Arbetsförmedlingen',
  kaa: 'Kommunala aktivitetsansvaret (KAA)',
  etableringsprogrammet: 'Etableringsprogrammet',
  kriminalvard: 'Kriminalvården (Frivården)',
};

/** Short party names for running text ("Regionen ska först förankra …"). */
export const PARTY_SHORT: Record<ReferringParty, string> = {
  region: 'Regionen',
  socialtjanst: 'Socialtjänsten',
  forsakringskassan: 'Försäkringskassan',
  arbetsformedlingen: 'Arbetsförmedlingen',
  kaa: 'KAA',
  etableringsprogrammet: 'Etableringsprogrammet',
  kriminalvard: 'Kriminalvården',
};

export const BENEFIT_LABELS: Record<Benefit, string> = {
  sjukpenning: 'sjukpenning',
  aktivitetsersattning: 'aktivitetsersättning',
  forsorjningsstod: 'försörjningsstöd',
  etableringsersattning: 'etableringsersättning',
  'sjukersattning-hel': 'hel sjukersättning',
  'sjukersattning-partiell': 'partiell sjukersättning',
  sjukersattning: 'sjukersättning (hel eller partiell okänt)',
  'a-kassa-aktivitetsstod': 'a-kassa/aktivitetsstöd',
  ingen: 'ingen ersättning',
  okand: 'okänd',
};

/** "a, b och c". */
export function joinSv(items: readonly string[], last = 'och'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

export function benefitList(benefits: readonly Benefit[], last = 'eller'): string {
  return joinSv(benefits.map((b) => BENEFIT_LABELS[b]), last);
}
