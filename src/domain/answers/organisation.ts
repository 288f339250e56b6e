/**
 * Organisation: parties and their org numbers, member municipalities, groups (styrelse, SSG,
 * arbetsutskott, analysgrupp, beredningsgrupp, styrgrupper, kansli) with size, representation and
 * tasks, and who signed (000 avsnitt 7 and 10; 001 Parter, Underskrifter, Bilaga 2 and 5; 003 § 1).
 */
import type { Fact, Reply, SourceRef } from '../../core/reply.js';
import { questionForm } from '../../understanding/form.js';
import type { AgreementData } from '../../data/load.js';
import type { Loaded, Source } from '../../data/schema.js';
import { hasStem, hasWord, type ParsedQuery } from '../entities.js';
import { docDate, docShortTitle, sourceRefs } from '../sources.js';
import { normalize } from '../text.js';
import { forbundOf, mergeFacts, seeAlso, joinSv, notInDocumentsReply, partiesOf, partyName, refsIn, type PartyUnit } from './common.js';

type Organ = Loaded<'organs'>;
type Party = Loaded<'parties'>;

function genitive(name: string): string {
  return /[sxz]$/iu.test(name) ? name : `${name}s`;
}

/** Org numbers of a party, newest document first; differing values are all shown (000 vs 001 for AF). */
function orgNumberLines(data: AgreementData, party: Party): { text: string; facts: Fact[]; sources: Source[] } {
  const numbers = [...party.orgNumbers].sort((a, b) => docDate(data.documents, b.source.doc).localeCompare(docDate(data.documents, a.source.doc)));
  const distinct = [...new Set(numbers.map((n) => n.value))];
  if (distinct.length === 0) return { text: `Dokumenten anger inget organisationsnummer för ${party.name}.`, facts: [], sources: [party.source] };
  const facts = numbers.map((n) => ({ label: `${party.name} (${docShortTitle(data.documents, n.source.doc)})`, value: n.value }));
  if (distinct.length === 1) {
    return { text: `${genitive(party.name)} organisationsnummer är ${distinct[0]}.`, facts: [], sources: numbers.map((n) => n.source) };
  }
  const notes = numbers.map((n) => n.note).filter((n): n is string => Boolean(n));
  return {
    text: `Dokumenten anger olika organisationsnummer för ${party.name}: ${distinct.join(' och ')} (nyast först).${notes[0] ? ` ${notes[0]}` : ''}`,
    facts,
    sources: numbers.map((n) => n.source),
  };
}

/** A question about whether a party sits in a group ("sitter FK i SSG?", "är AF representerad i …", "ingår kommunen i …"). */
function asksRepresentation(q: ParsedQuery): boolean {
  // A yes/no question about a party and a group asks whether it sits there, whatever the verb ("Får AF delta i SSG?").
  return questionForm(q.tokens, q.raw.includes('?')) === 'yesno' || hasStem(q, 'sitter', 'sitt', 'represent', 'ingar', 'ingick', 'delt', 'medlem') || hasWord(q, 'med');
}

function organReply(data: AgreementData, organ: Organ, parties: readonly PartyUnit[], askedWhether = true): Reply {
  const facts: Fact[] = [];
  if (organ.size) facts.push({ label: 'Sammansättning', value: organ.size });
  const rep = parties.length > 0
    ? organ.representation.filter((r) => parties.some((p) => p.party === r.party))
    : organ.representation;
  for (const r of (rep.length > 0 ? rep : organ.representation)) {
    const who = r.party ? partyName(data, { forbund: organ.forbund, party: r.party, unit: r.unit }) : 'Representation';
    facts.push({ label: who, value: r.text });
  }
  if (organ.tasks.length > 0) facts.push({ label: 'Uppgifter', value: organ.tasks.join(' • ') });
  if (organ.meets) facts.push({ label: 'Möten', value: organ.meets });
  if (organ.description) facts.push({ label: 'Beskrivning', value: organ.description });
  const lead = organ.size ? `${organ.name}: ${organ.size}.` : organ.description ? `${organ.name}: ${organ.description}` : `${organ.name}.`;
  let text = lead;
  // "Ja, X finns representerad …" only answers a question about whether X sits there; "förbundets styrelse" asks about the group.
  if (parties.length > 0 && askedWhether) {
    text = rep.length > 0
      ? `Ja, ${joinSv(parties.map((p) => partyName(data, p)))} finns representerad i ${organ.name}. ${lead}`
      : `Att ${joinSv(parties.map((p) => partyName(data, p)))} sitter i ${organ.name} står inte i överenskommelserna. ${lead}`;
  }
  return { text, facts: mergeFacts(facts), sources: sourceRefs(data.documents, [organ.source, ...organ.representation.map((r) => r.source)]) };
}

/** Where a party is represented: organs listing it, and representation commitments. */
function representationReply(data: AgreementData, forbund: string, parties: readonly PartyUnit[]): Reply | undefined {
  const organs = data.organs.filter((o) => o.forbund === forbund && o.representation.some((r) => parties.some((p) => p.party === r.party)));
  const commitments = data.commitments.filter((c) => c.forbund === forbund && c.category === 'representation' && parties.some((p) => p.party === c.party));
  if (organs.length === 0 && commitments.length === 0) return undefined;
  const names = joinSv(parties.map((p) => partyName(data, p)));
  const facts: Fact[] = [
    ...commitments.map((c) => ({ label: docShortTitle(data.documents, c.source.doc), value: c.text })),
    ...organs.map((o) => ({ label: o.name, value: o.representation.filter((r) => parties.some((p) => p.party === r.party)).map((r) => r.text).join(' • ') })),
  ];
  return {
    text: `${names} finns representerad i ${joinSv(organs.map((o) => o.name)) || 'grupperna nedan'}.`,
    facts,
    sources: sourceRefs(data.documents, [...commitments.map((c) => c.source), ...organs.flatMap((o) => [o.source, ...o.representation.map((r) => r.source)])]),
  };
}

function membersReply(data: AgreementData, forbund: string, asked: readonly PartyUnit[] = [], yesNo = false, tokens: readonly string[] = []): Reply {
  const f = data.forbund.find((x) => x.id === forbund);
  if (!f) return { text: 'Det står inte i överenskommelserna vilka förbundet har som medlemmar.', status: 'not-stated' };
  const memberNames = f.members.map((m) => data.parties.find((p) => p.forbund === forbund && p.id === m)?.name ?? m);
  const facts: Fact[] = memberNames.length > 0 ? [{ label: 'Medlemmar', value: memberNames.join(', ') }] : [];
  if (f.municipalities.length > 0) facts.push({ label: 'Kommuner', value: f.municipalities.join(', ') });
  if (f.note) facts.push({ label: 'Mer', value: f.note });
  const others = memberNames.filter((n) => !/kommun/iu.test(n));
  // "Är X med i förbundet?": Ja or Nej first, from the member list in data.
  const own = data.parties.find((p) => p.forbund === forbund && p.kind === 'forbund')?.id;
  const named = asked.filter((a) => a.party !== own);
  // A member kommun may be named only by its place name (the förbund's municipalities in data).
  const places = f.municipalities.filter((m) => tokens.some((t) => t === normalize(m) || (t.startsWith(normalize(m)) && t.length - m.length <= 2)));
  const placeParty = (m: string) => named.some((a) => normalize(partyName(data, { forbund, party: a.party })).startsWith(normalize(m)));
  const extraPlaces = places.filter((m) => !placeParty(m));
  const isMember = (a: PartyUnit) => f.members.includes(a.party) || f.municipalities.some((m) => normalize(partyName(data, { forbund, party: a.party })).startsWith(normalize(m)));
  // Without a member list in data only the municipalities are known: say no "Nej" that is not stated.
  const decided = named.every((a) => isMember(a) || f.members.length > 0);
  if (yesNo && decided && named.length + extraPlaces.length > 0) {
    const names = [...named.map((a) => partyName(data, { forbund, party: a.party })), ...extraPlaces];
    const inside = [...named.filter(isMember).map((a) => partyName(data, { forbund, party: a.party })), ...extraPlaces];
    const headline = inside.length === named.length
      ? `Ja, ${joinSv(names)} ${names.length > 1 ? 'är medlemmar' : 'är medlem'} i ${f.name}.`
      : inside.length === 0
        ? `Nej, ${joinSv(names)} ${names.length > 1 ? 'är inte medlemmar' : 'är inte medlem'} i ${f.name}.`
        : `Delvis: ${joinSv(inside)} är medlem i ${f.name}, inte ${joinSv(names.filter((n) => !inside.includes(n)))}.`;
    return { text: headline, facts, sources: sourceRefs(data.documents, [f.source]) };
  }
  return {
    text: f.municipalities.length > 0
      ? `${f.name}: ${f.municipalities.length} kommuner – ${joinSv(f.municipalities)}.${others.length > 0 ? ` Medlemmar är också ${joinSv(others)}.` : ''}`
      : memberNames.length > 0 ? `${genitive(f.name)} medlemmar: ${joinSv(memberNames)}.` : `Dokumenten räknar inte upp ${genitive(f.name)} medlemmar.`,
    facts,
    sources: sourceRefs(data.documents, [f.source]),
  };
}

function signatoriesReply(data: AgreementData, q: ParsedQuery, forbund: string, parties: readonly PartyUnit[]): Reply | undefined {
  const named = new Set(refsIn(q, 'agreement', forbund).map((r) => r.id));
  const agreements = data.agreements.filter((a) => a.forbund === forbund && (named.size === 0 || named.has(a.id)) && a.signatories.length > 0);
  if (agreements.length === 0) return undefined;
  const facts: Fact[] = [];
  const sources: Source[] = [];
  for (const a of [...agreements].sort((x, y) => docDate(data.documents, y.source.doc).localeCompare(docDate(data.documents, x.source.doc)))) {
    for (const s of a.signatories) {
      if (parties.length > 0 && !parties.some((p) => p.party === s.party)) continue;
      const who = s.party ? partyName(data, { forbund, party: s.party }) : (s.role ?? '');
      facts.push({ label: docShortTitle(data.documents, a.source.doc), value: `${s.name}${s.role ? `, ${s.role}` : ''}${who && !(s.role ?? '').includes(who) ? ` (${who})` : ''}${s.date ? `, ${s.date}` : ''}` });
    }
    sources.push(a.source);
  }
  if (facts.length === 0) return undefined;
  return { text: `Undertecknare${parties.length > 0 ? ` för ${joinSv(parties.map((p) => partyName(data, p)))}` : ''}:`, facts, sources: sourceRefs(data.documents, sources) };
}

function agreementPartiesReply(data: AgreementData, q: ParsedQuery, forbund: string): Reply | undefined {
  const named = new Set(refsIn(q, 'agreement', forbund).map((r) => r.id));
  // "parterna i Vuxentorget": the agreement about that verksamhet (its name in the title) comes first.
  const verksamhetNames = refsIn(q, 'verksamhet', forbund).map((r) => normalize(r.name));
  const about = (a: { title: string }) => Number(verksamhetNames.some((n) => normalize(a.title).includes(n)));
  let agreements = data.agreements.filter((a) => a.forbund === forbund && a.parties.length > 0 && (named.size === 0 || named.has(a.id)));
  if (named.size === 0 && verksamhetNames.length > 0 && agreements.some((a) => about(a) === 1)) agreements = agreements.filter((a) => about(a) === 1);
  if (agreements.length === 0) return undefined;
  const sorted = [...agreements].sort((x, y) => about(y) - about(x) || docDate(data.documents, y.source.doc).localeCompare(docDate(data.documents, x.source.doc)));
  const facts = sorted.map((a) => ({
    label: docShortTitle(data.documents, a.source.doc),
    value: a.parties.map((id) => {
      const p = data.parties.find((x) => x.forbund === forbund && x.id === id);
      const nr = p?.orgNumbers.find((n) => n.source.doc === a.source.doc)?.value;
      return `${p?.name ?? id}${nr ? ` (${nr})` : ''}`;
    }).join(', '),
  }));
  const first = sorted[0];
  return {
    text: first ? `Parter i ${docShortTitle(data.documents, first.source.doc)}: ${facts[0]?.value ?? ''}.` : 'Parterna:',
    facts: facts.slice(1),
    sources: sourceRefs(data.documents, sorted.map((a) => a.source)),
  };
}

/** The answer to a question about organisation, groups, parties and org numbers. */
export function answerOrganisation(data: AgreementData, q: ParsedQuery): Reply {
  const reply = organisationReply(data, q);
  if (hasStem(q, 'organisationsnum') || (reply.facts?.length ?? 0) >= 12) return reply;
  // What the question asks beyond the group or party ("… utöver parterna") may be in a passage nearby.
  const cited = (reply.sources ?? []).map((r) => ({ doc: r.doc, section: r.section })) as Source[];
  const more = seeAlso(data, q.raw, forbundOf(data, q), cited, 1);
  if (more.facts.length === 0) return reply;
  return { ...reply, facts: [...(reply.facts ?? []), ...more.facts], sources: dedupeRefs([...(reply.sources ?? []), ...sourceRefs(data.documents, more.sources)]) };
}

function organisationReply(data: AgreementData, q: ParsedQuery): Reply {
  const forbund = forbundOf(data, q);
  const parties = partiesOf(data, q, forbund);
  const organs = [...new Set(refsIn(q, 'organ', forbund).map((r) => r.id))]
    .map((id) => data.organs.find((o) => o.forbund === forbund && o.id === id))
    .filter((o): o is Organ => o !== undefined);

  if (hasStem(q, 'organisationsnum', 'orgnumm')) {
    const targets = parties.length > 0
      ? parties.map((p) => data.parties.find((x) => x.forbund === forbund && x.id === p.party)).filter((p): p is Party => p !== undefined)
      : [];
    if (targets.length === 0) {
      const all = data.parties.filter((p) => p.forbund === forbund && p.orgNumbers.length > 0);
      return {
        text: `Organisationsnummer för parterna i ${data.forbund.find((f) => f.id === forbund)?.name ?? forbund}:`,
        facts: all.map((p) => ({ label: p.name, value: [...new Set(p.orgNumbers.map((n) => n.value))].join(' / ') })),
        sources: sourceRefs(data.documents, all.flatMap((p) => p.orgNumbers.map((n) => n.source))),
      };
    }
    const parts = targets.map((p) => orgNumberLines(data, p));
    return {
      text: parts.map((p) => p.text).join(' '),
      facts: parts.flatMap((p) => p.facts),
      sources: sourceRefs(data.documents, parts.flatMap((p) => p.sources)),
    };
  }

  if (hasStem(q, 'underteckn', 'underskri', 'signer') || (hasWord(q, 'skrev', 'skrivit') && hasWord(q, 'under'))) {
    const r = signatoriesReply(data, q, forbund, parties);
    if (r) return r;
  }

  if (organs.length > 0) {
    const replies = organs.map((o) => organReply(data, o, parties, asksRepresentation(q)));
    // Who chaired or sat at a given meeting is in the protokoll, not in the group's description.
    const more = seeAlso(data, q.raw, forbund, [...organs.map((o) => o.source), ...organs.flatMap((o) => o.representation.map((r) => r.source)).filter((x): x is Source => x !== undefined)]);
    return {
      text: replies.map((r) => r.text).join(' '),
      facts: [...replies.flatMap((r) => r.facts ?? []), ...more.facts],
      sources: dedupeRefs([...replies.flatMap((r) => r.sources ?? []), ...sourceRefs(data.documents, more.sources)]),
    };
  }

  const asksParties = hasStem(q, 'part') && (refsIn(q, 'agreement', forbund).length > 0 || refsIn(q, 'verksamhet', forbund).length > 0 || hasStem(q, 'overenskommelse', 'avtal'));
  if (asksParties) {
    const r = agreementPartiesReply(data, q, forbund);
    if (r) return r;
  }

  const yesNo = questionForm(q.tokens) === 'yesno';
  // A yes/no question naming a party and the förbund itself asks whether the party is a member.
  const namesForbund = q.entities.some((e) => e.ref.kind === 'forbund') || hasWord(q, 'forbundet', 'samordningsforbundet');
  if (hasStem(q, 'medlem', 'kommunerna', 'ansl', 'ingar') || (hasStem(q, 'kommun') && hasWord(q, 'vilka')) || (yesNo && namesForbund && parties.length > 0)) {
    return membersReply(data, forbund, parties, yesNo, q.tokens);
  }

  if (parties.length > 0 && hasStem(q, 'represent', 'sitter', 'deltar', 'finns med')) {
    const r = representationReply(data, forbund, parties);
    if (r) return r;
  }

  if (hasStem(q, 'part') || refsIn(q, 'agreement', forbund).length > 0) {
    const r = agreementPartiesReply(data, q, forbund);
    if (r) return r;
  }

  if (hasStem(q, 'forbundschef', 'kansli', 'anstalld')) {
    const f = data.forbund.find((x) => x.id === forbund);
    const kansli = data.organs.find((o) => o.forbund === forbund && o.kind === 'kansli');
    if (f && f.kansli.length > 0) {
      return {
        text: `${f.name}s kansli: ${joinSv([...new Set(f.kansli.map((k) => k.role))])}.`,
        facts: [
          ...f.kansli.map((k) => ({ label: k.role, value: [k.name, k.note].filter(Boolean).join(' – ') || k.role })),
          ...(kansli?.description ? [{ label: kansli.name, value: kansli.description }] : []),
        ],
        sources: sourceRefs(data.documents, [...f.kansli.map((k) => k.source), kansli?.source]),
      };
    }
  }

  if (parties.length > 0) {
    const r = representationReply(data, forbund, parties);
    const party = data.parties.find((p) => p.forbund === forbund && p.id === parties[0]?.party);
    const nr = party ? orgNumberLines(data, party) : undefined;
    if (r || nr) {
      return {
        text: [nr?.text, r?.text].filter(Boolean).join(' '),
        facts: [...(nr?.facts ?? []), ...(r?.facts ?? [])],
        sources: dedupeRefs([...sourceRefs(data.documents, nr?.sources ?? []), ...(r?.sources ?? [])]),
      };
    }
  }

  // No group or party named: the organisation in general.
  const all = data.organs.filter((o) => o.forbund === forbund);
  if (all.length === 0) return notInDocumentsReply(data, 'organisationen', q.raw, forbund);
  const record = data.forbund.find((f) => f.id === forbund);
  const forbundName = record?.name ?? forbund;
  const structure = record?.structure;
  return {
    // How the förbund's documents describe its organisation, where data/ has it; else the plain list.
    text: structure ? `${structure.text} Grupperna:` : `Grupperna i ${forbundName}:`,
    facts: all.map((o) => ({ label: o.name, value: o.size ?? o.description ?? o.tasks.slice(0, 2).join(' • ') })),
    sources: sourceRefs(data.documents, [...(structure ? [structure.source] : []), ...all.map((o) => o.source)]),
  };
}

function dedupeRefs(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.doc}|${r.section}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
