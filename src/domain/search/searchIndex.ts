/**
 * Full-text search over the curated data with MiniSearch (DESIGN.md, Sök). The index is built
 * once per data version (AgreementData.version) and reused on every turn.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { AgreementData } from '../../data/load.js';
import { buildCorpus, type SearchDoc } from './corpus.js';
import { indexWords, MAX_TERM_LENGTH, processTerm, queryTerms } from './tokenize.js';

export interface SearchIndex {
  version: string;
  docs: SearchDoc[];
  engine: MiniSearch<SearchDoc>;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Share of the query's meaningful terms this passage matched (0–1). */
  coverage: number;
}

const cache = new Map<string, SearchIndex>();
const identity = new WeakMap<AgreementData, SearchIndex>();

/**
 * The search index of `data`: from the cache when this data version was indexed before.
 * Keyed by object identity first, then by version (so an equal reload shares the index).
 */
export function searchIndexFor(data: AgreementData): SearchIndex {
  const byObject = identity.get(data);
  if (byObject) return byObject;
  const key = data.version === '' ? undefined : data.version;
  const byVersion = key ? cache.get(key) : undefined;
  if (byVersion) {
    identity.set(data, byVersion);
    return byVersion;
  }
  return remember(data, buildSearchIndex(data));
}

const ENGINE_OPTIONS = {
  fields: ['title', 'text', 'names'],
  storeFields: [],
  // Passages are read once per data version: without the per-turn text memo.
  tokenize: (text: string) => indexWords(text),
  processTerm: (term: string) => processTerm(term),
};

function remember(data: AgreementData, index: SearchIndex): SearchIndex {
  identity.set(data, index);
  const key = data.version === '' ? undefined : data.version;
  if (key && !cache.has(key)) {
    if (cache.size >= 4) cache.delete(cache.keys().next().value as string);
    cache.set(key, index);
  }
  return index;
}

/** Builds a fresh index (use {@link searchIndexFor} to get the cached one). */
export function buildSearchIndex(data: AgreementData): SearchIndex {
  const docs = buildCorpus(data);
  const engine = new MiniSearch<SearchDoc>(ENGINE_OPTIONS);
  engine.addAll(docs);
  return { version: data.version, docs, engine };
}

/**
 * The index of `data` from `JSON.stringify(index.engine)` of an index built for the same data
 * version by the same code (the caller keys it so); from then on {@link searchIndexFor} returns it.
 * The passages are rebuilt from `data` (cheap, and in the same order, which the ids are).
 */
export function restoreSearchIndex(data: AgreementData, engineJson: string): SearchIndex {
  const known = identity.get(data) ?? (data.version === '' ? undefined : cache.get(data.version));
  if (known) return remember(data, known);
  const docs = buildCorpus(data);
  const engine = MiniSearch.loadJSON<SearchDoc>(engineJson, ENGINE_OPTIONS);
  if (engine.documentCount !== docs.length) throw new Error(`search index holds ${engine.documentCount} passages, data has ${docs.length}`);
  return remember(data, { version: data.version, docs, engine });
}

/** Typo tolerance per query term: none under five letters, then 20 % of the length, at most two edits. */
function fuzziness(term: string): number | boolean {
  if (term.length < 5) return false;
  return Math.min(2, Math.max(1, Math.floor(term.length * 0.2)));
}

export interface SearchOptions {
  limit?: number;
  /** Only passages of these förbund (folder ids). */
  forbund?: readonly string[];
  /** Only passages whose kind starts with one of these (e.g. "commitments"). */
  kinds?: readonly string[];
}

/** Ranked hits kept per index and query: the recognisers, the answer and its evidence ask the same query several times a turn. */
const QUERY_CACHE_SIZE = 256;
/** Hits computed per query at least, so the common limits (3 to 8) are prefixes of one cached list. */
const MIN_CACHED_HITS = 16;
/** A query's ranking up to some length; `complete` when there were no more hits than that. */
interface Ranking {
  hits: SearchHit[];
  complete: boolean;
}
const queryCache = new WeakMap<SearchIndex, Map<string, Ranking>>();

/**
 * The best passages for `text`, best first. An empty or meaningless query gives no hits. The
 * ranking depends only on the index and the query's terms and filters, so it is computed once per
 * data version and query: a smaller limit is a prefix of the same ranking.
 */
export function search(index: SearchIndex, text: string, options: SearchOptions = {}): SearchHit[] {
  const terms = queryTerms(text).filter((t) => t.length <= MAX_TERM_LENGTH);
  if (terms.length === 0) return [];
  const limit = options.limit ?? 5;
  const key = `${terms.join(' ')}\u0000${options.forbund?.join('\u0001') ?? '*'}\u0000${options.kinds?.join('\u0001') ?? '*'}`;
  let byQuery = queryCache.get(index);
  if (!byQuery) {
    byQuery = new Map();
    queryCache.set(index, byQuery);
  }
  const cached = byQuery.get(key);
  if (cached && (cached.complete || cached.hits.length >= limit)) return cached.hits.slice(0, limit);
  const wanted = Math.max(limit, MIN_CACHED_HITS);
  const hits = rankedHits(index, terms, options, wanted);
  byQuery.delete(key);
  if (byQuery.size >= QUERY_CACHE_SIZE) byQuery.delete(byQuery.keys().next().value as string);
  byQuery.set(key, { hits, complete: hits.length < wanted });
  return hits.slice(0, limit);
}

function rankedHits(index: SearchIndex, terms: readonly string[], options: SearchOptions, limit: number): SearchHit[] {
  const results: SearchResult[] = index.engine.search(terms.join(' '), {
    combineWith: 'OR',
    prefix: (term) => term.length >= 4,
    fuzzy: (term) => fuzziness(term),
    boost: { title: 1.5, names: 1.2 },
    // The query is already tokenised and stemmed.
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    filter: (r) => {
      const doc = index.docs[Number(r.id)];
      if (!doc) return false;
      if (options.forbund && !options.forbund.includes(doc.forbund)) return false;
      if (options.kinds && !options.kinds.some((k) => doc.kind.startsWith(k))) return false;
      return true;
    },
  });
  const hits: SearchHit[] = [];
  for (const r of results) {
    const doc = index.docs[Number(r.id)];
    if (!doc) continue;
    hits.push({ doc, score: r.score, coverage: new Set(r.queryTerms).size / terms.length });
    if (hits.length >= limit) break;
  }
  return hits;
}
