/**
 * Source lines for answers (DESIGN.md: "Every answer that states a fact names its source: the
 * document and section"; "Where two documents disagree, the bot shows both with their sources and
 * dates, newest first").
 */
import type { SourceRef } from '../core/reply.js';
import type { DocumentInfo, Source } from '../data/schema.js';

/** The document's date (ISO) or '' when unknown, for ordering newest first. */
export function docDate(documents: readonly DocumentInfo[], doc: string): string {
  return documents.find((d) => d.doc === doc)?.date ?? '';
}

/** A curated source with the document's title and date filled in. */
export function sourceRef(documents: readonly DocumentInfo[], source: Source): SourceRef {
  const info = documents.find((d) => d.doc === source.doc);
  return { doc: source.doc, section: source.section, ...(info ? { title: info.title, date: info.date } : {}) };
}

/** Unique source refs (by doc + section), newest document first, stable otherwise. */
export function sourceRefs(documents: readonly DocumentInfo[], sources: readonly (Source | undefined)[]): SourceRef[] {
  const seen = new Set<string>();
  const refs: SourceRef[] = [];
  for (const s of sources) {
    if (!s) continue;
    const key = `${s.doc}\u0000${s.section}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push(sourceRef(documents, s));
  }
  return refs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r.date ?? '').localeCompare(a.r.date ?? '') || a.i - b.i)
    .map(({ r }) => r);
}

/** Sorts records newest document first (stable). */
export function newestFirst<T extends { source: Source }>(documents: readonly DocumentInfo[], items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i, date: docDate(documents, item.source.doc) }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.i - b.i)
    .map(({ item }) => item);
}

/** Short label of a document for fact labels: its `shortTitle` in data/documents.json, else its title. */
export function docShortTitle(documents: readonly DocumentInfo[], doc: string): string {
  const info = documents.find((d) => d.doc === doc);
  if (!info) return doc;
  return info.shortTitle ?? info.title;
}
