import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { openStateStore } from '../../src/state/store.js';
import { importTertialFile, importTertialText } from '../../src/tertial/importFile.js';
import { latestReports, reportVersions } from '../../src/tertial/reportsStore.js';
import { tempDir } from '../helpers/coreTestKit.js';

const HEADER = 'förbund;verksamhet;år;tertial;aktuella;nya;avslutade';
let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

async function store() {
  const file = join(tempDir(), 'state.json');
  return { file, state: await openStateStore(file) };
}

describe('importing tertial reports into the state file', () => {
  it('a good file: every row stored as version 1 with who and when, one audit entry', async () => {
    const { state, file } = await store();
    const out = await importTertialText({ data, state }, 'rapport.csv', `${HEADER}\numearegionen;vuxentorget;2023;T1;92;25;21\numearegionen;ungdomstorget;2023;T1;120;35;30`, { actor: 'cli:anna', at: '2023-05-10T09:00:00.000Z' });
    expect(out.ok).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.tertialReports).toHaveLength(2);
    expect(saved.tertialReports[0]).toMatchObject({
      id: 'umearegionen/vuxentorget/2023-T1/v1', version: 1, importedBy: 'cli:anna', importedAt: '2023-05-10T09:00:00.000Z', sourceFile: 'rapport.csv',
    });
    expect(saved.audit).toEqual([expect.objectContaining({
      actor: 'cli:anna', action: 'tertial-import', at: '2023-05-10T09:00:00.000Z',
      summary: 'Importerade 2 tertialrapporter från rapport.csv.',
      details: expect.objectContaining({ count: 2, file: 'rapport.csv', reports: ['umearegionen/vuxentorget/2023-T1/v1', 'umearegionen/ungdomstorget/2023-T1/v1'] }),
    })]);
    expect(saved.tertialReports[0].importId).toBe(saved.audit[0].id);
  });

  it('a partial failure leaves nothing behind: no report, no audit entry, file unchanged', async () => {
    const { state, file } = await store();
    const before = readFileSync(file, 'utf8');
    const out = await importTertialText({ data, state }, 'rapport.csv', `${HEADER}\numearegionen;vuxentorget;2023;T1;92;25;21\numearegionen;vuxentorget;2023;T2;x;25;21`, { actor: 'cli:anna', at: '2023-09-10T09:00:00.000Z' });
    expect(out.ok).toBe(false);
    expect(out.message).toMatch(/^Inget importerades: 1 fel i rapport.csv/);
    expect(out.message).toMatch(/Rad 3, kolumn "aktuella"/);
    expect(state.read().tertialReports).toEqual([]);
    expect(state.read().audit).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a re-import is a new version; latestReports gives the newest, history keeps all', async () => {
    const { state } = await store();
    const meta = (at: string) => ({ actor: 'cli:anna', at });
    await importTertialText({ data, state }, 'a.csv', `${HEADER}\numearegionen;vuxentorget;2023;T1;92;25;21`, meta('2023-05-10T09:00:00.000Z'));
    const again = await importTertialText({ data, state }, 'b.csv', `${HEADER}\numearegionen;vuxentorget;2023;T1;93;25;21`, meta('2023-05-12T09:00:00.000Z'));
    expect(again.ok && again.message).toMatch(/version 2, ersätter tidigare/);
    const s = state.read();
    expect(latestReports(s).map((r) => [r.id, r.participants.current])).toEqual([['umearegionen/vuxentorget/2023-T1/v2', 93]]);
    expect(reportVersions(s, 'umearegionen/vuxentorget/2023-T1').map((r) => r.version)).toEqual([1, 2]);
    expect(s.audit.map((a) => a.summary)).toEqual([
      'Importerade 1 tertialrapport från a.csv.',
      'Importerade 1 tertialrapport (1 nya versioner av tidigare inlämnade) från b.csv.',
    ]);
  });

  it('reads a file from disk and reports an unreadable one', async () => {
    const { state } = await store();
    const file = join(tempDir(), 'r.json');
    writeFileSync(file, JSON.stringify([{ förbund: 'finnveden', verksamhet: 'samverkansteam-finnveden', år: 2022, tertial: 'T3', aktuella: 41, nya: 5, avslutade: 4 }]));
    expect((await importTertialFile({ data, state }, file, { actor: 'cli:x', at: '2023-01-10T00:00:00.000Z' })).ok).toBe(true);
    const missing = await importTertialFile({ data, state }, join(tempDir(), 'finns-inte.csv'), { actor: 'cli:x', at: '2023-01-10T00:00:00.000Z' });
    expect(missing).toMatchObject({ ok: false });
    expect(missing.message).toMatch(/kan inte läsas \(ENOENT\)/);
  });

  it('the state schema rejects a report that breaks the model', async () => {
    const { state } = await store();
    await expect(state.update((s) => {
      s.tertialReports.push({ id: 'x', forbund: 'umearegionen', verksamhet: 'vuxentorget', year: 2023, tertial: 'T4' as 'T1', version: 1,
        participants: { current: -1, new: 0, ended: 0, endReasons: {} }, money: {}, indicators: [], exempeldata: false, importedBy: 'x', importedAt: 'x', importId: 'x' });
    })).rejects.toThrow(/tertialReports/);
  });
});
