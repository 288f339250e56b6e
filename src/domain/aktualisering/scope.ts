/**
 * What the aktualisering rules cover, for a question that names a verksamhet (issue 13: "current
 * first", no confidently wrong referral advice). From data/ only:
 * - a verksamhet whose period has ended (`period.to` before today) is said to have ended, with its
 *   document, before any rule — "Steget vidare" of a 2014–2016 plan is not a place to refer to today
 *   just because its målgrupp fits;
 * - the verksamhet's own words on how people are referred to it (its commitments that say
 *   "aktualiser…") are quoted, since the förbund's individprocesser may lead elsewhere;
 * - when the individprocesser's paths lead to named verksamheter and the one asked about is not
 *   one of them or a part of one, that is said plainly.
 */
import type { AgreementData } from '../../data/load.js';
import type { Source } from '../../data/schema.js';
import { docShortTitle } from '../sources.js';
import { ancestorsOf } from '../verksamhetTree.js';
import { ofForbund } from '../ofForbund.js';
import { joinSv } from './labels.js';

export type ScopeData = Pick<AgreementData, 'verksamheter' | 'commitments' | 'individprocesser' | 'paths' | 'documents'>;

export interface ScopeNote {
  text: string;
  sources: Source[];
}

/** What the answer must say first about the verksamhet the question names, or undefined when nothing. */
export function verksamhetScope(data: ScopeData, forbund: string, verksamhetId: string | undefined, today: string | undefined): ScopeNote | undefined {
  if (verksamhetId === undefined) return undefined;
  const v = ofForbund(data.verksamheter, forbund).find((x) => x.id === verksamhetId);
  if (v === undefined) return undefined;
  const lines: string[] = [];
  const sources: Source[] = [];
  const ended = v.period?.to !== undefined && today !== undefined && v.period.to < today;
  if (ended) {
    lines.push(`${v.name} beskrivs i ${docShortTitle(data.documents, v.source.doc)} med en period som slutade ${v.period?.to ?? ''}; dokumenten säger inte att verksamheten finns i dag.`);
    sources.push(v.source);
  }
  // The individprocesser lead to these verksamheter (their paths'); one outside them is not what their rules are about.
  const processes = ofForbund(data.individprocesser, forbund);
  const targets = new Set(processes.flatMap((p) => p.paths)
    .flatMap((id) => ofForbund(data.paths, forbund).filter((x) => x.id === id))
    .flatMap((x) => (x.verksamhet === undefined ? [] : [x.verksamhet])));
  const inside = targets.has(v.id) || ancestorsOf(data.verksamheter, forbund, v.id).some((a) => targets.has(a));
  const own = ofForbund(data.commitments, forbund).filter((c) => c.verksamhet === v.id && /aktualiser/iu.test(c.text));
  if (!inside && targets.size > 0 && (ended || own.length > 0)) {
    const names = [...targets].map((id) => ofForbund(data.verksamheter, forbund).find((x) => x.id === id)?.name ?? id);
    lines.push(`Förbundets individprocesser för aktualisering gäller ${joinSv(names)}, inte ${v.name}.`);
  }
  const first = own[0];
  if (first !== undefined && (ended || !inside)) {
    lines.push(`Enligt ${docShortTitle(data.documents, first.source.doc)}: ${first.text}`);
    sources.push(first.source);
  }
  return lines.length === 0 ? undefined : { text: lines.join(' '), sources };
}
