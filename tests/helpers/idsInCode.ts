import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Record ids from data/ that stand as string literals in src/ or dialogs/ — the TypeScript twin of
 * ../shared/tools/ids_in_code.py. Förbund knowledge belongs in data/: an id written into code breaks
 * the moment a förbund is renamed or added (issue 13, item 5).
 */

/** The files whose ids count: förbund, parties, verksamheter, organs, agreements, budgets, documents, initiativ. */
const KINDS = ['forbund', 'parties', 'verksamheter', 'organs', 'agreements', 'budgets', 'documents', 'initiativ'];

/** Generic words that happen to be ids are concepts, not förbund knowledge. */
const GENERIC = new Set([...KINDS, 'styrelse', 'styrgrupp', 'beredningsgrupp', 'kansli', 'intakter', 'kostnader', 'summa',
  'resultat', 'other', 'ovrigt', 'bemanning', 'mal', 'malgrupp']);

const LITERAL = /(['"`])([a-z0-9][a-z0-9-]{2,})\1/g;
const COMMENT_START = ['//', '*', '/*'];

function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value !== null && typeof value === 'object') {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' && id.length >= 3) into.add(id);
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

function walk(dir: string, visit: (file: string) => void, skip: (dir: string) => boolean = () => false): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skip(full)) walk(full, visit, skip);
    } else visit(full);
  }
}

/** Every id of the counted kinds in `<repo>/data` (drafts excluded), plus the förbund folder names. */
export function dataIds(repo: string): Set<string> {
  const ids = new Set<string>();
  const dataDir = path.join(repo, 'data');
  walk(dataDir, (file) => {
    const name = path.basename(file);
    if (!name.endsWith('.json') || !KINDS.includes(name.split('.')[0] ?? '')) return;
    try {
      collectIds(JSON.parse(readFileSync(file, 'utf8')), ids);
    } catch {
      // An unreadable file is data:check's concern; it names no id here.
    }
  }, (dir) => path.basename(dir) === 'drafts');
  for (const name of readdirSync(dataDir)) {
    if (statSync(path.join(dataDir, name)).isDirectory()) ids.add(name);
  }
  for (const g of GENERIC) ids.delete(g);
  return ids;
}

/** "src/x.ts:12: vuxentorget" for every data id written as a string literal in src/ or dialogs/. */
export function idsInCode(repo: string): string[] {
  const ids = dataIds(repo);
  const hits: string[] = [];
  for (const top of ['src', 'dialogs']) {
    walk(path.join(repo, top), (file) => {
      if (!/\.(ts|js|mjs)$/.test(file)) return;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (COMMENT_START.some((c) => line.trimStart().startsWith(c))) return;
        for (const m of line.matchAll(LITERAL)) {
          if (ids.has(m[2] ?? '')) hits.push(`${path.relative(repo, file)}:${i + 1}: ${m[2]}`);
        }
      });
    });
  }
  return hits;
}
