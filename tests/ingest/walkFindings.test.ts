import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadData } from '../../src/data/load.js';
import { findCandidates, type Candidate } from '../../src/ingest/candidates.js';
import { createForbund } from '../../src/ingest/forbundNew.js';
import { ingestDocument } from '../../src/ingest/ingest.js';
import { acceptCandidates, pendingCandidates } from '../../src/ingest/review.js';
import { splitSections } from '../../src/ingest/sections.js';
import { tempDir } from '../helpers/coreTestKit.js';

/**
 * What the README walk of issue 17 met with an agreement laid out the way a .docx usually is: a
 * contact on one line with its role, a meeting of an organ no mötesplan sentence names before, and a
 * budget table with a sum for the income and one for the costs. (Made-up förbund and numbers.)
 */
const meetings = (found: Candidate[]) => found.flatMap((c) => (c.kind === 'meeting' ? [c] : []));

describe('candidates from a one-line-per-paragraph agreement', () => {
  test('a contact\'s role is the text before the number on its line, not the section title', () => {
    const sections = splitSections([
      '8. Kontakt', '',
      'Förbundschef Maria Lindqvist, telefon 0612-34 56 78, e-post maria.lindqvist@vasterkil.example.', '',
      'Processledare Johan Ek, tel. 070-123 45 67', '',
    ].join('\n'));
    const contacts = findCandidates('a.txt', sections, { organs: [] }).flatMap((c) => (c.kind === 'contact' ? [c] : []));
    expect(contacts.map((c) => [c.role, c.phone])).toEqual([
      ['Förbundschef Maria Lindqvist', '0612-34 56 78'],
      ['Processledare Johan Ek', '070-123 45 67'],
    ]);
  });

  test('a mötesplan sentence with its own subject does not take the organ of the sentence before', () => {
    const sections = splitSections([
      '7. Mötesplan 2027', '',
      'Beredningsgruppen träffas 2027-01-28 och 2027-04-08.', '',
      'Förbundsstämman hålls 2027-04-23 kl. 13.00.', '',
      'Styrelsen sammanträder följande dagar:', '- fredag 12 februari 2027, kl. 9–12', '- 2027-09-17',
    ].join('\n'));
    const found = meetings(findCandidates('a.txt', sections, { organs: [] }));
    const stamma = found.find((m) => m.date === '2027-04-23');
    expect(stamma).toMatchObject({ eventKind: 'meeting', title: 'Förbundsstämman hålls 2027-04-23 kl. 13.00.', startTime: '13:00' });
    expect(stamma?.organ).toBeUndefined();
    // A line of a date list still belongs to the organ named above it.
    expect(found.filter((m) => m.organ?.kind === 'styrelse').map((m) => m.date)).toEqual(['2027-02-12', '2027-09-17']);
    expect(found.filter((m) => m.organ?.kind === 'beredningsgrupp').map((m) => m.date)).toEqual(['2027-01-28', '2027-04-08']);
  });
});

describe('a budget table with a sum for each part', () => {
  const TEXT = [
    'Överenskommelse Västerkil 2027', '',
    '1. Parter', '',
    'Samordningsförbundet Västerkil, organisationsnummer 222000-9951', '',
    '9. Budget 2027', '', 'Belopp i tkr.', '',
    'Post\tBudget 2027\tPlan 2028',
    'Försäkringskassan\t900\t900',
    'Region Norrkust\t450\t450',
    'Kommunerna\t450\t450',
    'Summa intäkter\t1800\t1800',
    'Steg framåt\t1250\t1250',
    'Kansli och administration\t430\t440',
    'Utvärdering\t120\t110',
    'Summa kostnader\t1800\t1800',
  ].join('\n');

  test('is proposed in its parts, each with its own sum', () => {
    const table = findCandidates('a.txt', splitSections(TEXT), { organs: [] }).find((c) => c.kind === 'table');
    expect(table).toMatchObject({
      columns: ['Budget 2027', 'Plan 2028'],
      groups: [
        { label: 'Intäkter', rows: [{ label: 'Försäkringskassan' }, { label: 'Region Norrkust' }, { label: 'Kommunerna' }], sum: [1800, 1800] },
        { label: 'Kostnader', rows: [{ label: 'Steg framåt' }, { label: 'Kansli och administration' }, { label: 'Utvärdering' }], sum: [1800, 1800] },
      ],
    });
  });

  test('is accepted as a budget with an income and a cost section that add up', async () => {
    const dataDir = join(tempDir('walk-data-'), 'data');
    cpSync(join(process.cwd(), 'data'), dataDir, { recursive: true });
    await createForbund(dataDir, { id: 'vasterkil', name: 'Samordningsförbundet Västerkil', municipalities: ['Västerkil'], today: '2026-12-03' });
    const file = join(tempDir('walk-doc-'), 'overenskommelse-vasterkil-2027.txt');
    writeFileSync(file, TEXT);
    await ingestDocument(dataDir, { forbund: 'vasterkil', file, title: 'Överenskommelse Västerkil 2027', date: '2026-11-20', kind: 'överenskommelse' });
    const tables = (await pendingCandidates(dataDir, 'vasterkil')).filter((p) => p.candidate.kind === 'table');
    await acceptCandidates(dataDir, 'vasterkil', tables);
    const budget = (await loadData(dataDir)).budgets.find((b) => b.forbund === 'vasterkil');
    expect(budget?.sections.map((s) => [s.label, s.kind, s.rows.length, s.sum])).toEqual([
      ['Intäkter', 'income', 3, [1800, 1800]],
      ['Kostnader', 'cost', 3, [1800, 1800]],
    ]);
  });
});
