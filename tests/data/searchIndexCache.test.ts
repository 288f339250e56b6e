import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { cachedSearchIndex } from '../../src/data/searchIndexCache.js';
import { search, searchIndexFor } from '../../src/domain/search/searchIndex.js';

let data: AgreementData;
let dir: string;
beforeAll(async () => {
  data = await loadData('data');
  dir = await mkdtemp(path.join(tmpdir(), 'search-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const QUESTIONS = ['organisationsnummer', 'styrelsemöte i december', 'vad gör arbetsförmedlingen', 'budget'];
const ids = (hits: ReturnType<typeof search>): string[] => hits.map((h) => `${h.doc.id}:${h.score.toFixed(6)}`);

describe('search index on disk', () => {
  test('the first call writes the index for the data version; an index read back answers exactly as the built one', async () => {
    const built = cachedSearchIndex(data, dir);
    expect(await readdir(dir)).toEqual([`search-${data.version}.json`]);
    // Another data object with its own version and the same content: restored from the file, not built.
    const twin: AgreementData = { ...data, version: `${data.version}-twin` };
    await copyFile(path.join(dir, `search-${data.version}.json`), path.join(dir, `search-${twin.version}.json`));
    const restored = cachedSearchIndex(twin, dir);
    expect(restored).not.toBe(built);
    expect(searchIndexFor(twin)).toBe(restored);
    for (const q of QUESTIONS) expect(ids(search(restored, q))).toEqual(ids(search(built, q)));
    expect(QUESTIONS.flatMap((q) => search(restored, q)).length).toBeGreaterThan(0);
  });

  test('an unreadable or mismatched file is rebuilt and replaced', async () => {
    const broken: AgreementData = { ...data, version: `${data.version}-broken` };
    const file = path.join(dir, `search-${broken.version}.json`);
    await writeFile(file, '{"documentCount": 1');
    const index = cachedSearchIndex(broken, dir);
    expect(index.docs.length).toBeGreaterThan(0);
    expect(ids(search(index, 'budget'))).toEqual(ids(search(searchIndexFor(data), 'budget')));
  });
});
