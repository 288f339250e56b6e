import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/log.js';
import { restoreSearchIndex, searchIndexFor, type SearchIndex } from '../domain/search/searchIndex.js';
import type { AgreementData } from './load.js';

/** Index files kept: the current data version and a few before it (a reload back is free). */
const KEEP = 4;

/**
 * The search index of `data`, read from `dir` when this data version was indexed before, else
 * built and written there (issue 16: building it is most of the start-up after the modules).
 * The caller picks a `dir` that is emptied when the code changes: main.ts uses dist/cache/, which
 * every build removes, so a tokenizer change never meets an index built by the old one.
 */
export function cachedSearchIndex(data: AgreementData, dir: string, log?: Logger): SearchIndex {
  if (data.version === '') return searchIndexFor(data);
  const file = path.join(dir, `search-${data.version}.json`);
  try {
    return restoreSearchIndex(data, readFileSync(file, 'utf8'));
  } catch {
    // Not there yet, or unreadable: build it.
  }
  const index = searchIndexFor(data);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(index.engine));
    renameSync(tmp, file);
    const old = readdirSync(dir)
      .filter((f) => f.startsWith('search-') && f.endsWith('.json'))
      .map((f) => path.join(dir, f));
    for (const stale of old.filter((f) => f !== file).slice(0, Math.max(0, old.length - KEEP))) rmSync(stale, { force: true });
  } catch (error) {
    // A read-only install still runs; it only builds the index at every start.
    log?.warn('search_index_cache_unwritable', { dir, errorMessage: error instanceof Error ? error.message : String(error) });
  }
  return index;
}
