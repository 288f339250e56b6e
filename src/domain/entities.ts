/**
 * Entities in a Swedish question: parties and their units, verksamheter, organs/groups,
 * agreements and förbund, matched on the aliases kept in data/ (DESIGN.md, Language: "match
 * aliases from data/, tolerate one edit in longer words"), plus years, tertial and month.
 * Pure: the lexicon is built from an AgreementData value and cached per data object.
 */
import type { AgreementData } from '../data/load.js';
import { parseSwedishDate, type DateExpression, type IsoDay } from './dates.js';
import { FUZZY_MIN_LENGTH, fuzzyWordMatch } from './fuzzy.js';
import { UPPERCASE_ONLY_ALIASES, applySynonyms } from './synonyms.js';
import { normalize } from './text.js';

export type EntityKind = 'forbund' | 'party' | 'unit' | 'verksamhet' | 'organ' | 'agreement';

/** A reference to a curated record. For a unit, `id` is the unit id and `party` its party. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
  forbund: string;
  party?: string;
  name: string;
}

/** Longest part of an utterance looked at for entities, in characters and tokens. */
export const MAX_QUERY_CHARS = 2000;
export const MAX_QUERY_TOKENS = 80;

export interface EntityMatch {
  ref: EntityRef;
  /** Token span in the query's token list. */
  start: number;
  end: number;
  /** True when at least one token matched only with a typo. */
  fuzzy: boolean;
}

interface LexEntry {
  ref: EntityRef;
  tokens: string[];
  upperOnly: boolean;
}

export interface Lexicon {
  entries: LexEntry[];
}

/** Tokens for entity matching: the normalised text split on spaces, hyphens and slashes, "fk:s" → "fk". */
export function entityTokens(normalized: string): string[] {
  return normalized
    .split(/[\s\-/]+/u)
    .map((t) => t.replace(/:s?$/u, '').replace(/^[.:]+|[.:]+$/gu, ''))
    .filter((t) => t !== '');
}

function phraseTokens(alias: string): string[] {
  return entityTokens(applySynonyms(normalize(alias)));
}

const lexicons = new WeakMap<AgreementData, Lexicon>();

/** The alias lexicon of `data` (built once per data object). */
export function lexiconFor(data: AgreementData): Lexicon {
  const cached = lexicons.get(data);
  if (cached) return cached;
  const entries: LexEntry[] = [];
  const add = (ref: EntityRef, aliases: readonly string[]) => {
    const seen = new Set<string>();
    for (const alias of aliases) {
      const tokens = phraseTokens(alias);
      const key = tokens.join(' ');
      if (tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      entries.push({ ref, tokens, upperOnly: tokens.length === 1 && UPPERCASE_ONLY_ALIASES.has(key) });
    }
  };
  for (const f of data.forbund) {
    add({ kind: 'forbund', id: f.id, forbund: f.forbund, name: f.name }, [f.name, ...f.aliases]);
  }
  for (const p of data.parties) {
    add({ kind: 'party', id: p.id, forbund: p.forbund, name: p.name }, [p.name, ...p.aliases, ...p.otherNames.map((o) => o.name)]);
    for (const u of p.units) {
      add({ kind: 'unit', id: u.id, party: p.id, forbund: p.forbund, name: u.name }, [u.name, ...u.aliases]);
    }
  }
  for (const v of data.verksamheter) {
    add({ kind: 'verksamhet', id: v.id, forbund: v.forbund, name: v.name }, [v.name, ...v.aliases]);
  }
  for (const o of data.organs) {
    add({ kind: 'organ', id: o.id, forbund: o.forbund, name: o.name }, [o.name, ...o.aliases]);
  }
  for (const a of data.agreements) {
    add({ kind: 'agreement', id: a.id, forbund: a.forbund, name: a.title }, [a.title, ...a.aliases]);
  }
  const lexicon = { entries };
  lexicons.set(data, lexicon);
  return lexicon;
}

/**
 * Whether a typed token means a lexicon token: equal, the genitive or a definite/plural form
 * typed on a short alias ("fks", "styrelsens"), or one typo away for words of five letters or more.
 */
function tokenMatch(typed: string, target: string): 'exact' | 'fuzzy' | undefined {
  if (typed === target) return 'exact';
  // Cheap rejects first: this runs for every alias at every position of every question.
  const diff = typed.length - target.length;
  if (diff < -1 || diff > 4) return undefined;
  if (typed.length < FUZZY_MIN_LENGTH && diff !== 1) return undefined;
  if (typed === `${target}s`) return 'exact';
  if (target.length >= 5 && typed.length >= target.length + 1 && typed.length <= target.length + 3 && typed.startsWith(target)) {
    // Swedish definite/genitive endings on the alias: "vuxentorgets", "styrelsen(s)".
    const rest = typed.slice(target.length);
    if (['s', 'en', 'ens', 'n', 'ns', 'et', 'ets', 'na', 'nas', 'erna', 'ar', 'er'].includes(rest)) return 'exact';
  }
  // A typo in the very first letter is rare and checking it for every alias is costly: the first
  // letter must agree (or be swapped with the second).
  if (typed[0] !== target[0] && !(typed[0] === target[1] && typed[1] === target[0])) return undefined;
  if (fuzzyWordMatch(typed, target)) return 'fuzzy';
  if (typed.endsWith('s') && fuzzyWordMatch(typed.slice(0, -1), target)) return 'fuzzy';
  return undefined;
}

function upperInRaw(raw: string, alias: string): boolean {
  const escaped = alias.toUpperCase().replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}(:?s)?([^\\p{L}]|$)`, 'u').test(raw);
}

/**
 * Every entity named in `raw` (the user's text). Overlapping matches keep the longest phrase;
 * several records may share an alias (e.g. "socialtjänsten" in every kommun) and are all returned.
 */
export function findEntities(lexicon: Lexicon, raw: string): EntityMatch[] {
  // A question is short; a pasted page is cut so matching stays fast.
  const tokens = entityTokens(applySynonyms(normalize(raw.slice(0, MAX_QUERY_CHARS)))).slice(0, MAX_QUERY_TOKENS);
  const found: EntityMatch[] = [];
  for (const entry of lexicon.entries) {
    const n = entry.tokens.length;
    for (let i = 0; i + n <= tokens.length; i += 1) {
      let fuzzy = false;
      let ok = true;
      for (let k = 0; k < n; k += 1) {
        const m = tokenMatch(tokens[i + k] ?? '', entry.tokens[k] ?? '');
        if (!m) { ok = false; break; }
        if (m === 'fuzzy') fuzzy = true;
      }
      if (!ok) continue;
      if (entry.upperOnly && !upperInRaw(raw, entry.tokens[0] ?? '')) continue;
      found.push({ ref: entry.ref, start: i, end: i + n, fuzzy });
    }
  }
  // Longest span first, exact before fuzzy; drop matches strictly inside a longer one.
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || Number(a.fuzzy) - Number(b.fuzzy) || a.start - b.start);
  const kept: EntityMatch[] = [];
  for (const m of found) {
    const inside = kept.some((k) => k.start <= m.start && m.end <= k.end && (k.end - k.start) > (m.end - m.start));
    const fuzzierTwin = kept.some((k) => k.start === m.start && k.end === m.end && !k.fuzzy && m.fuzzy);
    const dup = kept.some((k) => k.ref.kind === m.ref.kind && k.ref.id === m.ref.id && k.ref.party === m.ref.party && k.ref.forbund === m.ref.forbund);
    if (!inside && !fuzzierTwin && !dup) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const ORDINALS: Record<string, number> = { forsta: 1, andra: 2, tredje: 3 };

/** Years 1990–2099 written in the text. */
export function findYears(normalized: string): number[] {
  return [...normalized.matchAll(/(?<![\d-])(19[9]\d|20\d{2})(?![\d])/gu)].map((m) => Number(m[1]));
}

/** Tertial 1–3: "T2", "tertial 2", "andra tertialen" (tertial = T1 jan–apr, T2 maj–aug, T3 sep–dec). */
export function findTertial(normalized: string): number | undefined {
  const t = /\bt\s?([123])\b/u.exec(normalized) ?? /\btertial(?:en)?\s?([123])\b/u.exec(normalized);
  if (t) return Number(t[1]);
  const o = /\b(forsta|andra|tredje)\s+tertial/u.exec(normalized);
  return o ? ORDINALS[o[1] ?? ''] : undefined;
}

/** Month 1–12 named in the text ("i maj", "februari", "feb"). */
export function findMonth(normalized: string): number | undefined {
  for (const token of normalized.split(' ')) {
    const i = MONTHS.findIndex((m) => token === m || (token.length >= 3 && m.startsWith(token) && token !== 'mar' && token !== 'jul'));
    if (i >= 0) return i + 1;
  }
  return undefined;
}

/**
 * The date a question names ("17/2", "17 februari", "i maj", "nästa vecka", ISO), relative to
 * `today`: the årshjul's parser (dates.ts), so every dialog reads dates the same way.
 */
export function findDate(raw: string, today: IsoDay): DateExpression | undefined {
  return parseSwedishDate(raw.slice(0, MAX_QUERY_CHARS), today);
}

/** A question with everything the recognisers need: normalised text, tokens and entities. */
export interface ParsedQuery {
  raw: string;
  /** Normalised, synonyms applied. */
  normalized: string;
  tokens: string[];
  entities: EntityMatch[];
  years: number[];
  tertial?: number;
  month?: number;
}

const parsed = new WeakMap<AgreementData, Map<string, ParsedQuery>>();

/**
 * {@link parseQuery} with a small memo per data object: every route's recogniser and then the
 * chosen dialog look at the same utterance in one turn.
 */
export function parseQueryCached(data: AgreementData, raw: string): ParsedQuery {
  let memo = parsed.get(data);
  if (!memo) {
    memo = new Map();
    parsed.set(data, memo);
  }
  const hit = memo.get(raw);
  if (hit) return hit;
  const q = parseQuery(data, raw);
  if (memo.size >= 32) memo.delete(memo.keys().next().value as string);
  memo.set(raw, q);
  return q;
}

export function parseQuery(data: AgreementData, raw: string): ParsedQuery {
  const normalized = applySynonyms(normalize(raw.slice(0, MAX_QUERY_CHARS)));
  return {
    raw,
    normalized,
    tokens: entityTokens(normalized),
    entities: findEntities(lexiconFor(data), raw),
    years: findYears(normalized),
    tertial: findTertial(normalized),
    month: findMonth(normalized),
  };
}

/** The entity refs of one kind, in order of appearance. */
export function entitiesOf(q: ParsedQuery, kind: EntityKind): EntityRef[] {
  return q.entities.filter((e) => e.ref.kind === kind).map((e) => e.ref);
}

/**
 * True when one of the query's tokens means `word`: exact or inflected, or one typo away for
 * words of seven letters or more (shorter cue words are too close to other words: "målen"/"månen").
 */
export function hasWord(q: Pick<ParsedQuery, 'tokens'>, ...words: string[]): boolean {
  return words.some((w) => q.tokens.some((t) => {
    const m = tokenMatch(t, w);
    return m === 'exact' || (m === 'fuzzy' && w.length >= 7);
  }));
}

/**
 * True when a token starts with one of the stems ("uppfoljning" for "uppfolj"); a stem with a
 * space is a phrase that must start at a word boundary of the normalised text ("bor i").
 */
export function hasStem(q: Pick<ParsedQuery, 'tokens' | 'normalized'>, ...stems: string[]): boolean {
  const padded = ` ${q.normalized} `;
  return stems.some((s) => (s.includes(' ') ? padded.includes(` ${s}`) : q.tokens.some((t) => t.startsWith(s))));
}
