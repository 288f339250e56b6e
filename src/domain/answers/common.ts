/**
 * Shared pieces of the answer builders: which förbund a question is about, which parties/units
 * it names, and the "det står inte i överenskommelserna" reply with the closest passages
 * (DESIGN.md: "It never guesses: 'Det står inte i överenskommelserna' plus the closest passages").
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Fact, Reply } from '../../core/reply.js';
import type { Source } from '../../data/schema.js';
import type { AgreementData } from '../../data/load.js';
import { KIND_NAMES } from '../../data/schema.js';
import { entitiesOf, hasWord, type EntityRef, type ParsedQuery } from '../entities.js';
import { search, searchIndexFor, type SearchHit } from '../search/searchIndex.js';
import { sourceRefs } from '../sources.js';
import { excerptAround, excerptFacts } from '../routing/evidence.js';
import { queryTerms } from '../search/tokenize.js';
import { normalize } from '../text.js';

const completed = new WeakMap<AgreementData, AgreementData>();

/**
 * `data` with every kind present (an empty list where a test or a partial load left one out), so
 * the answer builders never have to guard each list. Cached per data object.
 */
export function completeData(data: AgreementData): AgreementData {
  if (KIND_NAMES.every((k) => Array.isArray(data[k])) && Array.isArray(data.documents)) return data;
  const hit = completed.get(data);
  if (hit) return hit;
  const full = { ...data, documents: Array.isArray(data.documents) ? data.documents : [] } as AgreementData;
  for (const k of KIND_NAMES) if (!Array.isArray(full[k])) (full[k] as unknown[]) = [];
  completed.set(data, full);
  return full;
}

/**
 * The förbund a question is answered from (issue: "answers come from that förbund; another
 * förbund only when the question names it"): inside `inForbundScope(id, …)` the conversation
 * core's `deps.data` is that förbund's records only (`scopedData`), for every feature alike.
 * Scoped to the call and what it awaits (AsyncLocalStorage), so concurrent turns of other
 * conversations are not affected.
 */
const forbundScope = new AsyncLocalStorage<string>();
const views = new WeakMap<AgreementData, Map<string, AgreementData>>();
const isView = new WeakSet<AgreementData>();

/** Runs `fn` with the data of one förbund (undefined: all förbund). */
export function inForbundScope<T>(forbund: string | undefined, fn: () => T): T {
  return forbund === undefined ? forbundScope.exit(fn) : forbundScope.run(forbund, fn);
}

/** `full` narrowed to the scope's förbund (the documents stay whole: sources name them), built once per data object and förbund. */
export function scopedData(full: AgreementData): AgreementData {
  const id = forbundScope.getStore();
  if (id === undefined || isView.has(full) || !full.forbund.some((f) => f.id === id)) return full;
  let perForbund = views.get(full);
  if (perForbund === undefined) {
    perForbund = new Map();
    views.set(full, perForbund);
  }
  let view = perForbund.get(id);
  if (view === undefined) {
    // Caches keyed by the data version (parsed questions, route intents) must not mix the view with the whole.
    const narrowed = { ...full, version: `${full.version}#${id}` } as AgreementData;
    for (const k of KIND_NAMES) (narrowed[k] as unknown[]) = (full[k] as readonly { forbund: string }[]).filter((r) => r.forbund === id);
    view = narrowed;
    isView.add(view);
    perForbund.set(id, view);
  }
  return view;
}

export const NOT_IN_DOCUMENTS = 'Det står inte i överenskommelserna.';
/** A party, optionally narrowed to a unit, in one förbund. */
export interface PartyUnit {
  forbund: string;
  party: string;
  unit?: string;
}

export { defaultForbund, forbundOf } from '../forbund.js';

/** Entity refs of a kind in the question's förbund. */
export function refsIn(q: ParsedQuery, kind: EntityRef['kind'], forbund: string): EntityRef[] {
  return entitiesOf(q, kind).filter((r) => r.forbund === forbund);
}

/**
 * The parties/units the question names, in its förbund. A unit alias shared by several parties
 * ("soc" in every kommun) is narrowed by a named party, else by the förbund's first
 * `preferredParties` entry that has the unit (data/: the party the documents mostly speak of),
 * else all of them are kept.
 */
export function partiesOf(data: AgreementData, q: ParsedQuery, forbund: string): PartyUnit[] {
  const parties = refsIn(q, 'party', forbund);
  const units = refsIn(q, 'unit', forbund);
  const out: PartyUnit[] = [];
  const unitIds = [...new Set(units.map((u) => u.id))];
  // A named verksamhet tells which kommun's unit is meant ("soc i samordningsteamet i Nordmaling").
  const verksamhetParties = new Set(refsIn(q, 'verksamhet', forbund)
    .flatMap((r) => {
      const v = data.verksamheter.find((x) => x.forbund === forbund && x.id === r.id);
      const own = data.parties.filter((p) => p.forbund === forbund && p.kind === 'kommun' && v && normalizeName(v.name).includes(normalizeName(p.name).split(' ')[0] ?? '')).map((p) => p.id);
      return own.length > 0 ? own : (v?.parties ?? []);
    }));
  for (const unitId of unitIds) {
    const owners = units.filter((u) => u.id === unitId).map((u) => u.party ?? '');
    const named = owners.filter((p) => parties.some((x) => x.id === p));
    const byVerksamhet = owners.filter((p) => verksamhetParties.has(p));
    const narrowed = named.length > 0 ? named : byVerksamhet.length > 0 && byVerksamhet.length < owners.length ? byVerksamhet : [];
    const preferred = preferredParties(data, forbund).find((p) => owners.includes(p));
    const chosen = narrowed.length > 0 ? narrowed : preferred !== undefined ? [preferred] : owners;
    for (const p of chosen) out.push({ forbund, party: p, unit: unitId });
  }
  for (const p of parties) {
    if (!out.some((o) => o.party === p.id)) out.push({ forbund, party: p.id });
  }
  // The förbund's own party is named by words like "förbundet": keep it only when nothing else is named.
  const own = data.parties.find((p) => p.forbund === forbund && p.kind === 'forbund')?.id;
  const others = out.filter((o) => o.party !== own);
  return others.length > 0 && out.length > others.length && !hasWord(q, 'samordningsforbundet', 'forbundet', 'forbundets') ? others : out;
}

function preferredParties(data: AgreementData, forbund: string): readonly string[] {
  return data.forbund.find((f) => f.id === forbund)?.preferredParties ?? [];
}

export function partyName(data: AgreementData, ref: PartyUnit): string {
  const party = data.parties.find((p) => p.forbund === ref.forbund && p.id === ref.party);
  if (!party) return ref.party;
  const unit = ref.unit ? party.units.find((u) => u.id === ref.unit) : undefined;
  return unit ? `${party.name}, ${unit.name}` : party.name;
}

export function verksamhetName(data: AgreementData, forbund: string, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return data.verksamheter.find((v) => v.forbund === forbund && v.id === id)?.name ?? id;
}

/** The closest passages for a question, for answers that cannot state the fact itself. */
export function closestPassages(data: AgreementData, text: string, options: { forbund?: string[]; limit?: number } = {}): SearchHit[] {
  return search(searchIndexFor(data), text, { limit: options.limit ?? 3, forbund: options.forbund });
}

/** Shortens a passage to about `max` characters at a word boundary. */
export function clip(text: string, max = 600): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${cut.slice(0, at > max * 0.6 ? at : max)} …`;
}

/** Facts listing passages (title: text). */
export function passageFacts(hits: readonly SearchHit[], max = 600): Fact[] {
  return hits.map((h) => ({ label: h.doc.title, value: clip(h.doc.text, max) }));
}

/** Label prefix of a related passage shown beside an answer: it is not the answer. */
export const SEE_ALSO_LABEL = 'Se även';

/** True for a related passage ("Se även: …"), which points elsewhere rather than answers. */
export function isSeeAlso(fact: Pick<Fact, 'label'>): boolean {
  return fact.label.startsWith(`${SEE_ALSO_LABEL}:`) || fact.label === SEE_ALSO_LABEL;
}

/**
 * Up to `limit` further passages for the question from sections the answer does not cite yet,
 * labelled "Se även", so a structured answer also shows what the documents say nearby.
 */
export function seeAlso(data: AgreementData, text: string, forbund: string, cited: readonly Source[], limit = 2, anyForbund = false): { facts: Fact[]; sources: Source[] } {
  const seen = new Set(cited.map((s) => `${s.doc}|${s.section}`));
  const hits = closestPassages(data, text, { ...(anyForbund ? {} : { forbund: [forbund] }), limit: limit + 4 })
    .filter((h) => h.coverage >= 0.5 && !seen.has(`${h.doc.source.doc}|${h.doc.source.section}`))
    .slice(0, limit);
  return {
    // The sentences around the question's words, not the passage's opening (the answering sentence may come last).
    facts: hits.map((h) => ({ label: `${SEE_ALSO_LABEL}: ${h.doc.title}`, value: excerptAround(h.doc.text, queryTerms(text), 400) })),
    sources: hits.map((h) => h.doc.source),
  };
}

/** "Det står inte i överenskommelserna" with what was looked for and the closest passages. */
export function notInDocumentsReply(data: AgreementData, what: string, text: string, forbund?: string): Reply {
  const hits = closestPassages(data, text, forbund ? { forbund: [forbund] } : {});
  if (hits.length === 0) return { text: `${NOT_IN_DOCUMENTS} Jag hittar inget om ${what}.`, status: 'not-stated' };
  return {
    text: `${NOT_IN_DOCUMENTS} Jag hittar inget om ${what}. Det här är de närmaste avsnitten:`,
    status: 'not-stated',
    facts: excerptFacts(hits, text, 400),
    sources: sourceRefs(data.documents, hits.map((h) => h.doc.source)),
  };
}

function normalizeName(name: string): string {
  return normalize(name).replace(/s$/u, '');
}

/** Facts with the same value merged into one, their labels joined ("Umeå kommun, Vännäs kommun: …"). */
export function mergeFacts(facts: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    const same = out.find((o) => o.value === f.value);
    if (same) {
      if (!same.label.split(', ').includes(f.label)) same.label = `${same.label}, ${f.label}`;
    } else out.push({ ...f });
  }
  return out;
}

/** Joins names as Swedish prose: "A, B och C". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1] ?? ''}`;
}
