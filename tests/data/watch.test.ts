import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadData } from '../../src/data/load.js';
import { watchData } from '../../src/data/watch.js';

async function copyOfData(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svb-watch-'));
  await cp('data', dir, { recursive: true });
  return dir;
}

describe('watchData', () => {
  it('picks up a changed file without a restart', async () => {
    const dir = await copyOfData();
    const target = { data: await loadData(dir) };
    const before = target.data.version;
    const results: unknown[] = [];
    const watcher = watchData(dir, target, (r) => results.push(r), 50);
    try {
      const docs = path.join(dir, 'documents.json');
      const parsed = JSON.parse(await readFile(docs, 'utf8')) as { title: string }[];
      parsed[0]!.title = 'Ändrad titel';
      await writeFile(docs, JSON.stringify(parsed));
      for (let i = 0; i < 100 && target.data.version === before; i++) await new Promise((r) => setTimeout(r, 50));
      expect(target.data.version).not.toBe(before);
      expect(target.data.documents[0]?.title).toBe('Ändrad titel');
    } finally {
      watcher.close();
    }
  });

  it('keeps the valid data when a change does not validate', async () => {
    const dir = await copyOfData();
    const target = { data: await loadData(dir) };
    const before = target.data;
    const watcher = watchData(dir, target, () => undefined, 10_000);
    try {
      await writeFile(path.join(dir, 'documents.json'), '[{"doc": "nej"');
      const result = await watcher.reload();
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.join('\n')).toMatch(/documents\.json: ogiltig JSON/);
      expect(target.data).toBe(before);
    } finally {
      watcher.close();
    }
  });
});
