import { join } from 'node:path';
import { importCalendarFile } from '../../src/calendar/importFile.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { calendarFromData } from '../../src/domain/calendar/fromData.js';
import { nextMeeting } from '../../src/domain/calendar/queries.js';
import { openStateStore, type StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

const FIXTURES = 'tests/calendar/fixtures';
const meta = { by: 'cli:test', at: '2023-12-01T10:00:00.000Z' };

let data: AgreementData;
let state: StateStore;
beforeAll(async () => {
  data = await loadData('data');
});
beforeEach(async () => {
  state = await openStateStore(join(tempDir(), 'state.json'));
});

test('a good CSV (";", comments, times, ämnen) is imported whole and answers "nästa möte"', async () => {
  const outcome = await importCalendarFile({ data, state }, join(FIXTURES, 'motesplan-ok.csv'), meta);
  expect(outcome).toMatchObject({ ok: true, imported: 3 });
  expect(outcome.message).toBe('Importerade 3 händelser till årshjulet (2024-02-09 – 2024-12-31).');
  const added = state.read().calendarAdditions;
  expect(added.map((a) => [a.id, a.organ ?? a.verksamhet, a.kind, a.partOfDay, a.startTime, a.endTime, a.imported.row])).toEqual([
    ['styrelse-2024-02-16-styrelsemote', 'styrelse', 'meeting', 'formiddag', undefined, undefined, 3],
    ['ssg-2024-02-09-ssg-mote', 'ssg', 'meeting', undefined, '09:00', '11:30', 4],
    ['vuxentorget-2024-12-31-bilaga-2025', 'vuxentorget', 'deadline', undefined, undefined, undefined, 5],
  ]);
  expect(added[0]?.topics).toEqual(['Uppföljning', 'Budget']);
  const cal = calendarFromData(data, added);
  expect(nextMeeting(cal, '2024-01-10', { forbund: 'umearegionen', group: 'styrelse' }).next[0]?.date).toBe('2024-02-16');
  expect(state.read().audit.map((a) => a.action)).toEqual(['calendar-import']);
});

test('a bad CSV lists every error by row and column in Swedish and imports nothing', async () => {
  const outcome = await importCalendarFile({ data, state }, join(FIXTURES, 'motesplan-fel.csv'), meta);
  expect(outcome.ok).toBe(false);
  expect(outcome.message.split('\n')).toEqual([
    'Inget importerades – 6 fel:',
    'Rad 3, kolumn förbund: ”okänt” är inget känt förbund (finnveden, umearegionen)',
    'Rad 4, kolumn titel: saknar värde',
    'Rad 4, kolumn datum: ”16/2-2024” är inget giltigt datum (ÅÅÅÅ-MM-DD)',
    'Rad 4, kolumn tid: ”kväll” ska vara förmiddag, eftermiddag eller heldag',
    'Rad 5, kolumn titel: samma händelse som rad 2',
    'Rad 6, kolumn titel: ”Delrapport T2 / Överenskommelse 2024” 2023-10-20 finns redan i årshjulet',
  ]);
  expect(state.read().calendarAdditions).toEqual([]);
  expect(state.read().audit).toEqual([]);
});

test('JSON: a good file with Swedish or folded keys; a bad one names the post and field', async () => {
  const ok = await importCalendarFile({ data, state }, join(FIXTURES, 'motesplan-ok.json'), meta);
  expect(ok).toMatchObject({ ok: true, imported: 2 });
  expect(state.read().calendarAdditions.map((a) => `${a.forbund}/${a.id}`)).toEqual([
    'umearegionen/styrelse-2024-03-08-revisionsseminarium', 'finnveden/styrelse-2024-03-01-styrelsemote',
  ]);
  const bad = await importCalendarFile({ data, state }, join(FIXTURES, 'motesplan-fel.json'), meta);
  expect(bad.ok).toBe(false);
  expect(bad.message).toContain('Post 2, fält datum: ”2024-13-01” är inget giltigt datum');
  expect(bad.message).toContain('Post 2, fält färg: okänt fält');
  expect(bad.message).toContain('Post 3: ska vara ett objekt');
  expect(state.read().calendarAdditions).toHaveLength(2);
});

test('a header without a required column, an unknown column, a missing file', async () => {
  const dir = tempDir();
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(dir, 'x.csv'), 'förbund,datum,färg\numearegionen,2024-01-01,röd\n');
  const outcome = await importCalendarFile({ data, state }, join(dir, 'x.csv'), meta);
  expect(outcome.message).toContain('Rad 1, kolumn grupp: kolumnen saknas i rubrikraden');
  expect(outcome.message).toContain('Rad 1, kolumn titel: kolumnen saknas i rubrikraden');
  expect(outcome.message).toContain('Rad 1, kolumn färg: okänd kolumn');
  expect((await importCalendarFile({ data, state }, join(dir, 'saknas.csv'), meta)).message).toContain('kan inte läsas (ENOENT)');
});
