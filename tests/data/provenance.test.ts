import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { KIND_NAMES } from '../../src/data/schema.js';
import { documentTextPath } from '../../src/ingest/dataFiles.js';

const DATA_DIR = path.resolve('data');
const SEEDS_DIR = path.resolve('seeds');
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
/** Keys whose values are not document text: provenance, reasoning, ids and OCR raw text. */
const SKIP_KEYS = new Set(['source', 'note', 'id', 'raw', 'origin', 'forbund']);

type Finding = { where: string; number: string; doc: string };

/**
 * "Never invent a number": every run of two or more digits in a curated text must stand in the
 * document the record cites. ISO dates are left out (curated dates are reformatted from "13/12-19",
 * "210621" …; the fact suites check them), and so are numeric fields (budget figures are checked by
 * their arithmetic, with the OCR text in `raw`).
 */
function numbersNotInSource(data: AgreementData, digitRuns: Map<string, Set<string>>): Finding[] {
  const findings: Finding[] = [];
  const walk = (value: unknown, doc: string, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, doc, `${where}[${i}]`));
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const source = record.source as { doc?: string } | undefined;
      const here = typeof source?.doc === 'string' ? source.doc : doc;
      for (const [key, v] of Object.entries(record)) {
        if (SKIP_KEYS.has(key) || key.endsWith('Source')) continue;
        walk(v, here, `${where}.${key}`);
      }
    } else if (typeof value === 'string') {
      for (const run of value.replace(ISO_DATE, ' ').match(/\d{2,}/g) ?? []) {
        const runs = digitRuns.get(doc);
        if (!runs?.has(run) && !runs?.has(String(Number(run)))) findings.push({ where, number: run, doc });
      }
    }
  };
  for (const kind of KIND_NAMES) {
    for (const record of data[kind]) walk(record, record.source.doc, `${record.origin.file} ${record.id}`);
  }
  return findings;
}

describe('provenance of curated numbers', () => {
  let data: AgreementData;
  const digitRuns = new Map<string, Set<string>>();

  beforeAll(async () => {
    data = await loadData(DATA_DIR);
    // The documents data/documents.json lists are the ones the curated records may cite: the seeds,
    // and documents a kansli read in with data:ingest (their text in data/<förbund>/sources/).
    for (const info of data.documents) {
      const text = await readFile(documentTextPath(DATA_DIR, info, SEEDS_DIR), 'utf8');
      digitRuns.set(info.doc, new Set(text.match(/\d+/g) ?? []));
    }
  });

  it('finds every number of every curated text in the document it cites', () => {
    expect(numbersNotInSource(data, digitRuns)).toEqual([]);
  });

  it('would notice an invented number', () => {
    const copy = structuredClone(data);
    const contact = copy.contacts[0];
    if (!contact) throw new Error('no contacts in data/');
    contact.scope = `${contact.scope} (ring 090-123 45 67)`;
    expect(numbersNotInSource(copy, digitRuns).length).toBeGreaterThan(0);
  });
});
