import type { Benefit, Individprocess, ReferringParty } from '../../data/schemas/individprocesser.js';

type Referrers = { individprocesser: readonly Pick<Individprocess, 'referringParty' | 'referrer'>[] };

/** How a referring party is named in answers and choices (data/ individprocesser `referrer.label`). */
export function referrerLabel(data: Referrers, party: ReferringParty): string {
  return data.individprocesser.find((p) => p.referringParty === party && p.referrer)?.referrer?.label ?? party;
}

/** A referring party's short name for running text ("Regionen ska först förankra …"); its choice sends it back. */
export function referrerShort(data: Referrers, party: ReferringParty): string {
  return data.individprocesser.find((p) => p.referringParty === party && p.referrer)?.referrer?.short ?? party;
}

/** Every referring party of data/ once, in the order of the individprocesser. */
export function referringParties(data: Referrers): ReferringParty[] {
  return [...new Set(data.individprocesser.map((p) => p.referringParty))];
}

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
