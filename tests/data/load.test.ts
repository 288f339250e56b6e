import { mkdtemp, mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataError, loadData } from '../../src/data/load.js';
import { KIND_NAMES } from '../../src/data/schema.js';

const DOC = '000_315788e0db8ba8e3.txt';
const source = { doc: DOC, section: '7. Deltagande parter och åtaganden' };

async function tempData(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svb-data-'));
  await writeFile(path.join(dir, 'documents.json'), JSON.stringify([
    { doc: DOC, title: 'Överenskommelse Vuxentorget', date: '2020-01-24', forbund: ['test'], kind: 'överenskommelse' },
  ]));
  await mkdir(path.join(dir, 'test'));
  for (const [name, value] of Object.entries(files)) {
    await writeFile(path.join(dir, 'test', name), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadData(dir);
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  throw new Error('expected a DataError');
}

const party = { id: 'fk', name: 'Försäkringskassan', kind: 'stat', source, units: [{ id: 'lokal', name: 'Lokalkontoret', source }] };

describe('loadData', () => {
  it('loads a valid folder, tags records with their förbund and merges <kind>.<part>.json files', async () => {
    const dir = await tempData({
      'parties.json': [party],
      'commitments.a.json': [{ id: 'c1', party: 'fk', agreement: 'ok', category: 'bemanning', text: 'En handläggare', source }],
      'commitments.b.json': [{ id: 'c2', party: 'fk', unit: 'lokal', agreement: 'ok', category: 'insatser', text: 'Insatser', source }],
      'agreements.json': [{ id: 'ok', kind: 'overenskommelse', title: 'Ö', forbund: 'test', source }],
      'forbund.json': [{ id: 'test', name: 'Testförbundet', members: ['fk'], source }],
    });
    const data = await loadData(dir);
    expect(data.commitments.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(data.parties[0]?.forbund).toBe('test');
    expect(data.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('names the file, the JSON path and the problem for a schema violation', async () => {
    const dir = await tempData({ 'parties.json': [party, { ...party, id: 'af', kind: 'myndighet' }] });
    const problems = await problemsOf(dir);
    expect(problems.join('\n')).toMatch(/parties\.json: \$\[1\]\.kind: /);
  });

  it('reports invalid JSON with the file name', async () => {
    const dir = await tempData({ 'contacts.json': '[{"id": "x",' });
    const problems = await problemsOf(dir);
    expect(problems.join('\n')).toMatch(/contacts\.json: ogiltig JSON/);
  });

  it('rejects unknown file kinds and non-array files', async () => {
    const dir = await tempData({ 'partys.json': [], 'parties.json': { id: 'fk' } });
    const text = (await problemsOf(dir)).join('\n');
    expect(text).toMatch(/partys\.json: okänd filtyp/);
    expect(text).toMatch(/parties\.json: \$: filen ska innehålla en JSON-lista/);
  });

  it('checks references, units, duplicate ids and listed source documents', async () => {
    const dir = await tempData({
      'parties.json': [party, party],
      'commitments.json': [
        { id: 'c1', party: 'af', agreement: 'saknas', category: 'bemanning', text: 'x', source },
        { id: 'c2', party: 'fk', unit: 'okand-enhet', agreement: 'saknas', category: 'bemanning', text: 'x', source: { doc: '003_fdfb40ca13636d16.txt', section: '§ 1' } },
      ],
    });
    const text = (await problemsOf(dir)).join('\n');
    expect(text).toMatch(/parties\.json: \$\[1\]\.id: "fk" finns redan/);
    expect(text).toMatch(/commitments\.json: \$\[0\]\.party: "af" finns inte bland parties/);
    expect(text).toMatch(/commitments\.json: \$\[0\]\.agreement: "saknas" finns inte bland agreements/);
    expect(text).toMatch(/commitments\.json: \$\[1\]\.unit: enheten "okand-enhet" finns inte hos fk/);
    expect(text).toMatch(/commitments\.json: \$\[1\]\.source\.doc: 003_fdfb40ca13636d16\.txt saknas i data\/documents\.json/);
  });

  it('rejects a source doc that is not a document file name', async () => {
    const dir = await tempData({ 'parties.json': [{ ...party, source: { doc: 'påhittat.txt', section: 'x' } }] });
    expect((await problemsOf(dir)).join('\n')).toMatch(/parties\.json: \$\[0\]\.source\.doc: /);
  });

  it('allows one default förbund, known preferred parties and no verksamhet inside itself', async () => {
    const forbund = { id: 'test', name: 'Testförbundet', source, default: true, preferredParties: ['fk', 'okand-part'] };
    const dir = await tempData({
      'parties.json': [party],
      'forbund.json': [forbund, { ...forbund, id: 'test-2', preferredParties: [] }],
      'verksamheter.json': [
        { id: 'a', name: 'A', partOf: 'b', source },
        { id: 'b', name: 'B', partOf: 'a', source },
        { id: 'c', name: 'C', partOf: 'saknas', source },
      ],
    });
    const text = (await problemsOf(dir)).join('\n');
    expect(text).toMatch(/forbund\.json: \$\[0\]\.preferredParties\[1\]: "okand-part" finns inte bland parties/);
    expect(text).toMatch(/forbund\.json: \$\[0\]\.default, .*forbund\.json: \$\[1\]\.default: högst ett förbund får vara standardförbund/);
    expect(text).toMatch(/verksamheter\.json: \$\[0\]\.partOf: "a" ingår i sig själv \(a → b → a\)/);
    expect(text).toMatch(/verksamheter\.json: \$\[2\]\.partOf: "saknas" finns inte bland verksamheter/);
  });

  it('knows every kind it validates', () => {
    expect(KIND_NAMES).toEqual(expect.arrayContaining(['parties', 'commitments', 'contacts', 'budgets', 'calendarEvents', 'individprocesser']));
  });
});

describe('the bundled data/', () => {
  it('validates completely (the same check as npm run data:check and start-up)', async () => {
    const data = await loadData('data');
    expect(data.documents).toHaveLength(5);
  });

  it('is not changed by loading (read-only at run time)', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'svb-copy-'));
    await cp('data', copy, { recursive: true });
    const before = await readFile(path.join(copy, 'documents.json'), 'utf8');
    await loadData(copy);
    expect(await readFile(path.join(copy, 'documents.json'), 'utf8')).toBe(before);
  });
});
