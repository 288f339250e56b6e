/**
 * Samverkansinitiativ 2023 by category, party, sammankallande, ansvar and status
 * (001 Bilaga 4, "Samverkansinitiativ 2023").
 */
import type { Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Loaded } from '../../data/schema.js';
import { hasStem, type ParsedQuery } from '../entities.js';
import { fuzzyWordMatch } from '../fuzzy.js';
import { queryTerms, searchWords, stemSwedish } from '../search/tokenize.js';
import { sectionTitle, sourceRefs } from '../sources.js';
import { normalize } from '../text.js';
import { forbundOf, joinSv, notInDocumentsReply, partiesOf, partyName } from './common.js';

type Initiativ = Loaded<'initiativ'>;

// Words of a question that point at initiatives in general, not at one of them.
const GENERIC = new Set(['samverkansinitiativ', 'initiativ', 'initiativen', 'vilka', 'finns', 'pagaende', 'nya', 'ny', 'status', 'sammankallande', 'ansvar', 'ansvarig', 'kategori', 'ranking']
  .map(stemSwedish));

function words(text: string): string[] {
  return searchWords(text).map(stemSwedish).filter((w) => w.length >= 3);
}

/** How many of the question's specific words an initiative's name (and category) holds. */
function nameScore(i: Initiativ, terms: readonly string[]): number {
  const own = words(`${i.name}`);
  let score = 0;
  for (const t of terms) {
    // A year ("samverkansinitiativ 2023") names the plan, not one initiative.
    if (GENERIC.has(t) || /^\d{4}$/.test(t)) continue;
    if (own.some((w) => w === t || (t.length >= 4 && (w.startsWith(t) || t.startsWith(w) && w.length >= 4)) || fuzzyWordMatch(w, t))) score += 1;
  }
  return score;
}

function statusOf(i: Initiativ): string {
  return normalize(i.status ?? '');
}

function detailFacts(data: AgreementData, i: Initiativ): Fact[] {
  const facts: Fact[] = [];
  facts.push({ label: 'Kategori', value: i.category });
  if (i.status) facts.push({ label: 'Status', value: i.status });
  if (i.ranking) facts.push({ label: 'Ranking', value: i.ranking });
  if (i.parties.length > 0) facts.push({ label: 'Parter', value: i.parties.map((p) => partyName(data, { forbund: i.forbund, party: p })).join(', ') });
  if (i.sammankallande) facts.push({ label: 'Sammankallande', value: i.sammankallande });
  if (i.ansvar) facts.push({ label: 'Ansvar', value: i.ansvar });
  if (i.activities.length > 0) facts.push({ label: 'Aktivitet', value: i.activities.join(' • ') });
  if (i.goals.length > 0) facts.push({ label: 'Mål', value: i.goals.join(' • ') });
  if (i.indicators.length > 0) facts.push({ label: 'Indikator', value: i.indicators.join(' • ') });
  if (i.impact) facts.push({ label: 'Påverkan på helårsekvivalenterna', value: i.impact });
  if (i.feasibility) facts.push({ label: 'Genomförbarhet', value: i.feasibility });
  if (i.description) facts.push({ label: 'Beskrivning', value: i.description });
  return facts;
}

function summary(i: Initiativ): string {
  const bits = [i.category, i.status, i.sammankallande ? `sammankallande: ${i.sammankallande}` : '', i.ansvar ? `ansvar: ${i.ansvar}` : ''].filter(Boolean);
  return bits.join(' – ');
}

/** The answer to a question about samverkansinitiativ. */
export function answerInitiativ(data: AgreementData, q: ParsedQuery): Reply {
  const forbund = forbundOf(data, q);
  const all = data.initiativ.filter((i) => i.forbund === forbund);
  if (all.length === 0) return notInDocumentsReply(data, 'samverkansinitiativ', q.raw, forbund);

  // One initiative named (by its words, or by number)?
  const terms = queryTerms(q.raw);
  const numberMatch = /\b(?:initiativ|nr|nummer)\s*(\d{1,2})\b/u.exec(q.normalized);
  const byNumber = numberMatch ? all.find((i) => i.number === Number(numberMatch[1])) : undefined;
  const categories = [...new Set(all.map((i) => i.category))];
  const categoryOf = (t: string) => categories.some((c) => words(c).some((w) => t === w || (t.length >= 5 && (w.startsWith(t) || fuzzyWordMatch(w, t)))));
  // Category words ("ohälsa", "ekonomiskt bistånd") pick a list, not one initiative.
  const nameTerms = terms.filter((t) => !categoryOf(t));
  // All the question's words break a tie ("… på grund av ohälsa" / "… på grund av arbetslöshet").
  const scored = all.map((i) => ({ i, s: nameScore(i, nameTerms), full: nameScore(i, terms) })).sort((a, b) => b.s - a.s || b.full - a.full);
  const top = scored[0];
  const second = scored[1];
  const ahead = top !== undefined && (second === undefined || top.s > second.s || (top.s === second.s && top.full > second.full));
  // Named when two of its words are in the question, or one word no other initiative has ("SDK").
  const named = byNumber ?? (top && ahead && (top.s >= 2 || (top.s >= 1 && (second?.s ?? 0) === 0)) ? top.i : undefined);
  if (named) {
    const lead = [named.sammankallande ? `sammankallande är ${named.sammankallande}` : '', named.ansvar ? `ansvar: ${named.ansvar}` : ''].filter(Boolean).join(', ');
    return {
      text: `${named.name} (${named.category}${named.status ? `, ${named.status}` : ''})${lead ? `: ${lead}` : ''}.`,
      facts: detailFacts(data, named),
      sources: sourceRefs(data.documents, [named.source]),
    };
  }

  // Otherwise filter the list by category, party and status.
  let list = all;
  const wantedCategories = categories.filter((c) => words(c).some((w) => terms.some((t) => t === w || (t.length >= 5 && (w.startsWith(t) || fuzzyWordMatch(w, t))))));
  if (wantedCategories.length > 0) list = list.filter((i) => wantedCategories.includes(i.category));
  // Parties named as parties: unit aliases ("ekonomiskt bistånd") are category words here.
  const parties = partiesOf(data, q, forbund).filter((p) => p.unit === undefined);
  const role = hasStem(q, 'sammankall') ? 'sammankallande' : hasStem(q, 'ansvar') ? 'ansvar' : undefined;
  if (parties.length > 0 && role) {
    // "… har Försäkringskassan som sammankallande": the role's text names the party.
    const names = parties.map((p) => normalize(partyName(data, { forbund, party: p.party })).split(' ')[0] ?? '');
    const inRole = list.filter((i) => names.some((n) => n !== '' && normalize((role === 'sammankallande' ? i.sammankallande : i.ansvar) ?? '').includes(n)));
    if (inRole.length > 0) list = inRole;
  } else if (parties.length > 0) {
    const names = parties.map((p) => normalize(partyName(data, { forbund, party: p.party })));
    const byParty = list.filter((i) => parties.some((p) => i.parties.includes(p.party))
      || names.some((n) => normalize(`${i.sammankallande ?? ''} ${i.ansvar ?? ''}`).includes(n.split(' ')[0] ?? n)));
    if (byParty.length > 0) list = byParty;
  }
  if (hasStem(q, 'pagaende')) list = list.filter((i) => statusOf(i).includes('pagaende'));
  else if (hasStem(q, 'ny', 'nya')) list = list.filter((i) => statusOf(i).includes('ny'));
  else if (hasStem(q, 'ej paborj', 'inte paborj', 'paborj')) list = list.filter((i) => statusOf(i).includes('paborj'));
  if (list.length === 0) list = all;

  const sammankallande = hasStem(q, 'sammankall');
  const facts = list.map((i) => ({ label: i.name, value: sammankallande && i.sammankallande ? `sammankallande: ${i.sammankallande}${i.ansvar ? ` – ansvar: ${i.ansvar}` : ''}` : summary(i) }));
  const who = joinSv(parties.map((p) => partyName(data, { forbund, party: p.party })));
  const scope = [wantedCategories.length > 0 ? `inom ${joinSv(wantedCategories)}` : '', parties.length > 0 ? (role ? `där ${who} är ${role === 'sammankallande' ? 'sammankallande' : 'ansvarig'}` : `där ${who} är med`) : ''].filter(Boolean).join(' ');
  return {
    text: `${list.length} samverkansinitiativ ${scope}`.trim() + `${list[0] ? ` (${sectionTitle(list[0].source)})` : ''}: ${joinSv(list.slice(0, 6).map((i) => i.name))}${list.length > 6 ? ' m.fl.' : ''}.`,
    facts,
    sources: sourceRefs(data.documents, list.map((i) => i.source)),
  };
}
