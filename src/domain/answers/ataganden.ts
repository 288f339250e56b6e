/**
 * Åtaganden: what a party (or one of its units) has committed to, per agreement and verksamhet
 * (000 avsnitt 7 "Deltagande parter och åtaganden"; 001 Bilaga 5 "Parternas åtaganden";
 * 003 §§ 5–8; 004 avsnitt 7 "Resurser och ansvar").
 */
import { normalize } from '../text.js';
import type { Choice, Fact, Reply } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Loaded } from '../../data/schema.js';
import { hasStem, type ParsedQuery } from '../entities.js';
import { docShortTitle, newestFirst, sourceRefs } from '../sources.js';
import { ancestorsOf, partsOf } from '../verksamhetTree.js';
import { clip, forbundOf, joinSv, notInDocumentsReply, partiesOf, partyName, refsIn, verksamhetName, type PartyUnit } from './common.js';

type Commitment = Loaded<'commitments'>;
type Verksamhet = Loaded<'verksamheter'>;

const MAX_FACTS = 18;

/**
 * Verksamheter a commitment for `id` may be written under: itself and what it is part of (a torg →
 * the umbrella of torg, data/ `partOf`). A verksamhet that is itself part of another and has parts
 * (the teams as a whole) also gathers its parts' commitments; a top-level umbrella does not, or a
 * question about it would list everything.
 */
function umbrellaOf(data: AgreementData, forbund: string, id: string): string[] {
  const up = ancestorsOf(data.verksamheter, forbund, id);
  return [id, ...up, ...(up.length > 0 ? partsOf(data.verksamheter, forbund, id) : [])];
}

function matchesParty(c: Commitment, p: PartyUnit): boolean {
  if (c.party !== p.party) return false;
  return p.unit === undefined || c.unit === p.unit || c.unit === undefined;
}

function commitmentFact(data: AgreementData, c: Commitment, withParty: boolean): Fact {
  const where = verksamhetName(data, c.forbund, c.verksamhet);
  const who = withParty ? `${partyName(data, { forbund: c.forbund, party: c.party, unit: c.unit })} – ` : '';
  return { label: `${who}${docShortTitle(data.documents, c.source.doc)}${where ? `, ${where}` : ''}`, value: c.text };
}

function staffingFacts(data: AgreementData, verksamheter: readonly Verksamhet[], parties: readonly PartyUnit[]): { facts: Fact[]; sources: Verksamhet['staffing'][number]['source'][] } {
  const facts: Fact[] = [];
  const sources: Verksamhet['staffing'][number]['source'][] = [];
  const dateOf = (doc: string) => data.documents.find((d) => d.doc === doc)?.date ?? '';
  for (const v of verksamheter) {
    // Newest document first: what a party staffs today before what an older agreement said.
    const staffing = [...v.staffing].sort((a, b) => dateOf(b.source.doc).localeCompare(dateOf(a.source.doc)));
    for (const s of staffing) {
      if (parties.length > 0 && !parties.some((p) => p.party === s.party && (p.unit === undefined || s.unit === undefined || p.unit === s.unit))) continue;
      const asOf = { date: dateOf(s.source.doc), title: docShortTitle(data.documents, s.source.doc) };
      facts.push({ label: `Bemanning ${v.name}`, value: [s.role, s.amount, s.text].filter(Boolean).join(' – '), ...(asOf.date === '' ? {} : { asOf }) });
      sources.push(s.source);
    }
  }
  return { facts, sources };
}

/** The answer to a question about åtaganden (commitments). */
export function answerAtaganden(data: AgreementData, q: ParsedQuery): Reply {
  const forbund = forbundOf(data, q);
  const parties = partiesOf(data, q, forbund);
  const verksamhetIds = [...new Set(refsIn(q, 'verksamhet', forbund).map((r) => r.id))];
  const agreementIds = new Set(refsIn(q, 'agreement', forbund).map((r) => r.id));
  const all = data.commitments.filter((c) => c.forbund === forbund && (agreementIds.size === 0 || agreementIds.has(c.agreement)));
  const verksamheter = data.verksamheter.filter((v) => v.forbund === forbund && verksamhetIds.includes(v.id));
  const wantsStaffing = hasStem(q, 'bemann', 'personal', 'resurs', 'tjanst', 'arsarbet', 'bidrar med');

  if (parties.length === 0) return answerWithoutParty(data, q, forbund, all, verksamhetIds);

  const ofParty = all.filter((c) => parties.some((p) => matchesParty(c, p)));
  const names = joinSv(parties.map((p) => partyName(data, p)));
  let exact: Commitment[] = ofParty;
  let umbrella: Commitment[] = [];
  let relaxed = false;
  if (verksamhetIds.length > 0) {
    exact = ofParty.filter((c) => c.verksamhet !== undefined && verksamhetIds.includes(c.verksamhet));
    const wider = new Set(verksamhetIds.flatMap((id) => umbrellaOf(data, forbund, id)));
    umbrella = ofParty.filter((c) => !exact.includes(c) && (c.verksamhet === undefined || wider.has(c.verksamhet)));
    // Only the party's general commitments (no verksamhet) fit: say so rather than pass them off as the verksamhet's.
    if (exact.length === 0 && umbrella.every((c) => c.verksamhet === undefined)) {
      relaxed = true;
      exact = ofParty;
      umbrella = [];
    }
  }
  // Unit-specific commitments before the party's general ones, newest document first within each.
  const rank = (cs: Commitment[]) => {
    const specific = cs.filter((c) => parties.some((p) => p.unit !== undefined && c.unit === p.unit));
    return [...newestFirst(data.documents, specific), ...newestFirst(data.documents, cs.filter((c) => !specific.includes(c)))];
  };
  // The same commitment written in two documents is shown once (where it ranks first).
  const seenText = new Set<string>();
  const chosen = [...rank(exact), ...rank(umbrella)].filter((c) => {
    const key = normalize(c.text);
    if (seenText.has(key)) return false;
    seenText.add(key);
    return true;
  });
  // The list's label says how it is ordered, truly: by date only when it is.
  const dated = newestFirst(data.documents, chosen);
  const order = dated.every((c, i) => c === chosen[i]) ? 'nyast först' : umbrella.length > 0 ? 'först de som gäller verksamheten' : 'först enhetens egna';
  const staffing = staffingFacts(data, verksamheter.length > 0 ? verksamheter : [], parties);

  if (chosen.length === 0 && staffing.facts.length === 0) {
    return notInDocumentsReply(data, `åtaganden för ${names}${verksamheter.length > 0 ? ` i ${joinSv(verksamheter.map((v) => v.name))}` : ''}`, q.raw, forbund);
  }

  const where = verksamheter.length > 0 ? ` i ${joinSv(verksamheter.map((v) => v.name))}` : '';
  const lead = chosen[0] ? ` Bland annat: ${clip(chosen[0].text, 220)}` : '';
  const text = relaxed
    ? `Några åtaganden för ${names}${where} står inte i överenskommelserna. Det här åtar sig ${names} i övrigt (${order}):`
    : `Åtaganden för ${names}${where} (${chosen.length} st, ${order}).${lead}`;
  const facts = [...(wantsStaffing ? staffing.facts : []), ...chosen.slice(0, MAX_FACTS).map((c) => commitmentFact(data, c, parties.length > 1)), ...(wantsStaffing ? [] : staffing.facts.slice(0, 4))];
  const reply: Reply = {
    text,
    facts,
    sources: sourceRefs(data.documents, [...chosen.slice(0, MAX_FACTS).map((c) => c.source), ...staffing.sources]),
  };
  // The verksamhet matters when the party's commitments span several: offer to narrow down.
  if (verksamhetIds.length === 0) {
    const spans = [...new Set(ofParty.map((c) => c.verksamhet).filter((v): v is string => v !== undefined))];
    if (spans.length > 1) {
      reply.text += ' Vill du se en viss verksamhet?';
      reply.choices = spans.slice(0, 8).map((id) => ({ label: verksamhetName(data, forbund, id) ?? id }));
    }
  }
  return reply;
}

function answerWithoutParty(data: AgreementData, q: ParsedQuery, forbund: string, all: Commitment[], verksamhetIds: string[]): Reply {
  const inScope = verksamhetIds.length > 0
    ? all.filter((c) => c.verksamhet !== undefined && verksamhetIds.flatMap((id) => umbrellaOf(data, forbund, id)).includes(c.verksamhet))
    : all;
  if (inScope.length === 0) return notInDocumentsReply(data, 'åtaganden', q.raw, forbund);
  const byParty = new Map<string, Commitment[]>();
  for (const c of newestFirst(data.documents, inScope)) {
    const key = `${c.party}/${c.unit ?? ''}`;
    byParty.set(key, [...(byParty.get(key) ?? []), c]);
  }
  const facts: Fact[] = [];
  const choices: Choice[] = [];
  for (const cs of byParty.values()) {
    const first = cs[0];
    if (!first) continue;
    const name = partyName(data, { forbund, party: first.party, unit: first.unit });
    facts.push({ label: name, value: cs.slice(0, 3).map((c) => clip(c.text, 200)).join(' • ') });
    const partyLabel = data.parties.find((p) => p.forbund === forbund && p.id === first.party)?.name ?? first.party;
    if (!choices.some((ch) => ch.label === partyLabel)) choices.push({ label: partyLabel });
  }
  const where = verksamhetIds.length > 0 ? ` i ${joinSv(verksamhetIds.map((id) => verksamhetName(data, forbund, id) ?? id))}` : '';
  return {
    text: `Parternas åtaganden${where}, i korthet per part (nyast först). Vilken part vill du se i detalj?`,
    facts: facts.slice(0, 14),
    sources: sourceRefs(data.documents, inScope.map((c) => c.source)),
    choices: choices.slice(0, 10),
  };
}
