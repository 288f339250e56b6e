/**
 * Kontakter: who to contact for what, with scope and how (001 Bilaga 5, Psykiatriska kliniken
 * "utse följande kontaktpersoner"; Ungdoms- och vuxenhabiliteringen; 003 § 7 and § 10).
 */
import type { Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Loaded } from '../../data/schema.js';
import type { ParsedQuery } from '../entities.js';
import { queryTerms, stemSwedish } from '../search/tokenize.js';
import { searchWords } from '../search/tokenize.js';
import { newestFirst, sourceRefs } from '../sources.js';
import { forbundOf, joinSv, notInDocumentsReply, partiesOf, partyName, refsIn } from './common.js';

type Contact = Loaded<'contacts'>;

// Words of the question that say what it is about rather than whom to contact.
const IGNORED = new Set(['kontakta', 'kontaktar', 'kontakt', 'kontaktperson', 'fragor', 'fraga', 'ring', 'ringa', 'telefon', 'telefonnummer', 'mejl', 'nummer'].map(stemSwedish));

/** How well a contact's role/scope/how fits the question's topic words (0..n). */
function topicScore(c: Contact, topic: readonly string[]): number {
  const words = new Set(searchWords(`${c.role} ${c.scope} ${c.how ?? ''} ${c.name ?? ''}`).map(stemSwedish));
  let score = 0;
  for (const t of topic) {
    if (words.has(t) || [...words].some((w) => w.startsWith(t) || t.startsWith(w) && w.length >= 5)) score += 1;
  }
  return score;
}

function contactFact(data: AgreementData, c: Contact): Fact {
  const how = [c.name, c.phone, c.email].filter(Boolean).join(', ');
  const who = partyName(data, { forbund: c.forbund, party: c.party, unit: c.unit });
  const value = [`${c.role}${how ? ` (${how})` : ''}`, `för: ${c.scope}`, c.how ? `hur: ${c.how}` : ''].filter(Boolean).join(' – ');
  return { label: who, value };
}

/** The answer to "vem kontaktar jag …": the best fitting contact first, then the others of that party/unit. */
export function answerKontakter(data: AgreementData, q: ParsedQuery): Reply {
  const forbund = forbundOf(data, q);
  const parties = partiesOf(data, q, forbund);
  const verksamhetIds = new Set(refsIn(q, 'verksamhet', forbund).map((r) => r.id));
  let pool = data.contacts.filter((c) => c.forbund === forbund);
  if (parties.length > 0) {
    const narrowed = pool.filter((c) => parties.some((p) => p.party === c.party && (p.unit === undefined || c.unit === p.unit)));
    const partyLevel = pool.filter((c) => parties.some((p) => p.party === c.party));
    pool = narrowed.length > 0 ? narrowed : partyLevel;
  }
  if (pool.length === 0) {
    const who = parties.length > 0 ? joinSv(parties.map((p) => partyName(data, p))) : 'den du frågar om';
    return notInDocumentsReply(data, `någon kontaktperson för ${who}`, q.raw, forbund);
  }
  const topic = queryTerms(q.raw).filter((t) => !IGNORED.has(t));
  const scored = newestFirst(data.documents, pool)
    .map((c, i) => ({ c, i, s: topicScore(c, topic) + (c.verksamhet !== undefined && verksamhetIds.has(c.verksamhet) ? 0.5 : 0) + (c.phone || c.email ? 0.25 : 0) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
  const best = scored[0];
  if (!best) return notInDocumentsReply(data, 'kontaktpersoner', q.raw, forbund);
  const reach = [best.phone, best.email].filter(Boolean).join(' eller ');
  const name = partyName(data, { forbund: best.forbund, party: best.party, unit: best.unit });
  const text = `Kontakta ${best.role}${best.name ? ` (${best.name})` : ''} på ${name}${reach ? `, ${reach}` : ''}. Gäller: ${best.scope}.${best.how ? ` ${best.how}` : ''}`;
  const others = scored.slice(1, 8);
  return {
    text,
    facts: others.length > 0 ? others.map((c) => contactFact(data, c)) : undefined,
    sources: sourceRefs(data.documents, [best.source, ...others.map((c) => c.source)]),
  };
}
