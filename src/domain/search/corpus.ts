/**
 * The searchable passages of the curated data (DESIGN.md, Sök: "full-text search over all
 * curated text … returning passages with sources"). Every record becomes one passage holding all
 * its text fields; parts that carry their own source (goals, reporting rules, staffing, results,
 * målgrupp, steps …) also become passages of their own so an answer can quote just that part.
 */
import type { AgreementData } from '../../data/load.js';
import type { Source } from '../../data/schema.js';
import { docShortTitle } from '../sources.js';

export interface SearchDoc {
  /** Index position (MiniSearch id). */
  id: number;
  key: string;
  kind: string;
  forbund: string;
  title: string;
  /** Readable text shown in an answer. */
  text: string;
  /** Extra words that help finding the passage (names of parties, aliases) but are not shown. */
  names: string;
  source: Source;
}

// Keys whose string values are ids or bookkeeping, not readable text.
const SKIP_KEYS = new Set(['id', 'doc', 'forbund', 'origin', 'source', 'sourceDetail', 'party', 'unit', 'verksamhet', 'agreement', 'organ',
  'parties', 'members', 'verksamheter', 'organs', 'paths', 'kind', 'category', 'benefits', 'referringParty', 'note']);

function isSource(v: unknown): v is Source {
  return typeof v === 'object' && v !== null && typeof (v as Source).doc === 'string' && typeof (v as Source).section === 'string';
}

// Keys that help finding a record (other names) or only structure it (calendar fields), not shown as text.
const HIDDEN_KEYS = new Set(['aliases', 'otherNames', 'month', 'day', 'endMonth', 'endDay', 'yearOffset', 'fromYear', 'toYear', 'partOfDay',
  'tillsvidare', 'number', 'ageMin', 'ageMax', 'minAuthorities', 'uncertain', 'priority', 'alternatives', 'topic', 'costSign']);

/**
 * All readable strings of a value, depth-first, skipping ids, sources and structural fields.
 * Numbers are kept only with `numbers` (budget tables); lower-case one-word codes (ids, enums) never,
 * ISO dates always.
 */
export function textLeaves(value: unknown, out: string[] = [], numbers = false): string[] {
  if (typeof value === 'string') {
    const v = value.trim();
    // An ISO date ("2023-04-07") is text a reader asks for ("när …?"), though it looks like a code.
    if (v !== '' && (!/^[a-z0-9-]+$/u.test(v) || /^\d{4}-\d{2}-\d{2}$/u.test(v))) out.push(v);
  } else if (typeof value === 'number') {
    if (numbers) out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) textLeaves(v, out, numbers);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (!SKIP_KEYS.has(k) && !HIDDEN_KEYS.has(k)) textLeaves(v, out, numbers);
  }
  return out;
}

/** The other names of a record (aliases), for finding it. */
function aliasLeaves(r: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of ['aliases', 'otherNames']) {
    const v = r[k];
    if (Array.isArray(v)) for (const x of v) out.push(typeof x === 'string' ? x : typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name : '');
  }
  return out.filter((x) => x !== '');
}

// Swedish names of sub-record fields, for passage titles.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  goals: 'mål', reporting: 'uppföljning', staffing: 'bemanning', results: 'resultat', malgrupp: 'målgrupp',
  otherRules: 'övriga villkor', steps: 'steg', forankring: 'förankring', signatories: 'underskrifter', kansli: 'kansli',
  representation: 'representation', otherNames: 'andra namn', units: 'enheter', notice: 'uppsägning',
  renegotiation: 'omförhandling', termination: 'upphörande', changes: 'ändringar', payment: 'ersättning',
  decided: 'beslut', validity: 'giltighet', participants: 'deltagare',
};

/** True for a sub-record with a source, or a list of them (goals, reporting, staffing …). */
function hasSourcedParts(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && isSource((v as Record<string, unknown>).source));
  return typeof value === 'object' && value !== null && isSource((value as Record<string, unknown>).source);
}

type Rec = Record<string, unknown> & { id: string; forbund: string; source: Source };

// Swedish names of record kinds without a name of their own, for passage titles.
const KIND_LABELS: Readonly<Record<string, string>> = {
  commitments: 'Åtagande', processRules: 'Regel för individprocesser', contacts: 'Kontakt', passages: 'Avsnitt',
};

function titleOf(kind: string, r: Rec): string {
  for (const k of ['name', 'title', 'role', 'label', 'topic', 'what']) {
    const v = r[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return KIND_LABELS[kind] ?? FIELD_LABELS[kind] ?? kind;
}

/** Every passage of `data`, in a stable order. */
export function buildCorpus(data: AgreementData): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const partyName = new Map(data.parties.map((p) => [`${p.forbund}/${p.id}`, p.name]));
  const unitName = new Map(data.parties.flatMap((p) => p.units.map((u) => [`${p.forbund}/${p.id}/${u.id}`, u.name] as const)));
  const verksamhetName = new Map(data.verksamheter.map((v) => [`${v.forbund}/${v.id}`, v.name]));
  const organName = new Map(data.organs.map((o) => [`${o.forbund}/${o.id}`, o.name]));

  const push = (kind: string, forbund: string, key: string, title: string, text: string, names: string, source: Source) => {
    if (text.trim() === '' && title.trim() === '') return;
    docs.push({ id: docs.length, key, kind, forbund, title, text, names, source });
  };

  const kinds: (keyof AgreementData)[] = ['forbund', 'parties', 'organs', 'verksamheter', 'agreements', 'commitments', 'contacts', 'initiativ',
    'decisions', 'applications', 'passages', 'budgets', 'calendarEvents', 'calendarRules', 'individprocesser', 'paths', 'processRules'];
  for (const kind of kinds) {
    const records = data[kind] as unknown as Rec[] | undefined;
    if (!Array.isArray(records)) continue;
    for (const r of records) {
      const refNames: string[] = [];
      const f = r.forbund;
      if (typeof r.party === 'string') refNames.push(partyName.get(`${f}/${r.party}`) ?? '');
      if (typeof r.party === 'string' && typeof r.unit === 'string') refNames.push(unitName.get(`${f}/${r.party}/${r.unit}`) ?? '');
      if (typeof r.verksamhet === 'string') refNames.push(verksamhetName.get(`${f}/${r.verksamhet}`) ?? '');
      if (typeof r.organ === 'string') refNames.push(organName.get(`${f}/${r.organ}`) ?? '');
      if (Array.isArray(r.parties)) for (const p of r.parties) if (typeof p === 'string') refNames.push(partyName.get(`${f}/${p}`) ?? '');
      // Very long titles (the 2023 agreement's full name) read better as the document's short name.
      const fullTitle = titleOf(kind, r);
      const title = fullTitle.length > 90 ? docShortTitle(data.documents, r.source.doc) : fullTitle;
      // Parts with their own source become passages of their own below; the record's passage keeps the rest.
      const own = Object.fromEntries(Object.entries(r).filter(([, v]) => !hasSourcedParts(v)));
      const leaves = textLeaves(own, [], kind === 'budgets').filter((t) => t !== title);
      const label = refNames.filter((n) => n !== '').join(', ');
      const names = [label, ...aliasLeaves(r)].filter((n) => n !== '').join(' · ');
      push(kind, f, `${kind}:${f}:${r.id}`, label && kind !== 'parties' ? `${title} – ${label}` : title, leaves.join(' · '), names, r.source);

      // Sub-passages with their own source.
      for (const [field, value] of Object.entries(r)) {
        if (!Array.isArray(value) && !(typeof value === 'object' && value !== null)) continue;
        const items = Array.isArray(value) ? value : [value];
        items.forEach((item: unknown, i) => {
          if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
          const src = (item as Record<string, unknown>).source;
          if (!isSource(src) || field === 'orgNumbers') return;
          const sub = item as Record<string, unknown>;
          const subTitle = typeof sub.label === 'string' || typeof sub.role === 'string' || typeof sub.what === 'string' || typeof sub.topic === 'string'
            ? `${title}: ${titleOf(field, sub as Rec)}` : `${title} (${FIELD_LABELS[field] ?? field})`;
          push(`${kind}.${field}`, f, `${kind}:${f}:${r.id}:${field}:${i}`, subTitle, textLeaves(sub, [], kind === 'budgets').join(' · '), label, src);
        });
      }
    }
  }
  return docs;
}
