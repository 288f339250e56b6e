import type { AgreementData } from '../data/load.js';
import { KIND_NAMES, type KindName } from '../data/schema.js';
import type { Reply } from '../core/reply.js';
import { sourceRefs } from './sources.js';

/** What a kansli reads for each kind of record when telling what is not filled in yet. */
const KIND_LABELS: Partial<Record<KindName, string>> = {
  passages: 'dokumenttext för sökningen',
  parties: 'parter',
  organs: 'grupper (styrelse, beredningsgrupp …)',
  calendarEvents: 'möten och deadlines',
  contacts: 'kontakter',
  commitments: 'åtaganden',
  agreements: 'överenskommelser',
  verksamheter: 'verksamheter',
  budgets: 'budget',
};

/** The kinds of records a förbund has none of, as labels (in the order of {@link KIND_LABELS}). */
export function unfilledKinds(data: AgreementData, forbund: string): string[] {
  return (Object.keys(KIND_LABELS) as KindName[])
    .filter((k) => !data[k].some((r) => r.forbund === forbund))
    .map((k) => KIND_LABELS[k] ?? k);
}

/**
 * A förbund just created with `npm run forbund:new` holds nothing but its own record: every answer
 * would be "det står inte" or, worse, another förbund's text. Such a förbund gets one plain reply
 * saying what is not filled in yet and how the kansli fills it. Undefined when the förbund has any
 * curated record besides its own.
 */
export function emptyForbundReply(data: AgreementData, forbund: string): Reply | undefined {
  const own = data.forbund.find((f) => f.id === forbund);
  if (!own) return undefined;
  const hasAny = KIND_NAMES.some((k) => k !== 'forbund' && data[k].some((r) => r.forbund === forbund));
  if (hasAny) return undefined;
  return {
    status: 'not-stated',
    text: `${own.name} har inga dokument inlästa ännu, så jag kan inte svara ur förbundets överenskommelser.\n`
      + `Inte ifyllt än: ${unfilledKinds(data, forbund).join(', ')}.\n`
      + `Kansliet läser in ett dokument med npm run data:ingest -- ${forbund} <fil> och granskar förslagen med npm run data:review -- ${forbund}.`,
    sources: sourceRefs(data.documents, [own.source]),
  };
}
