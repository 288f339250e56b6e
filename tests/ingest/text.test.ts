import { describe, expect, test } from '@jest/globals';
import { findCandidates, isOrgNumber } from '../../src/ingest/candidates.js';
import { htmlToText, pdfLines } from '../../src/ingest/extract.js';
import { ocrFindings } from '../../src/ingest/ocr.js';
import { headingOf, splitSections } from '../../src/ingest/sections.js';

describe('headings', () => {
  test.each([
    ['§ 3 Mötesplan', '§ 3 Mötesplan'],
    ['§3. Ersättning', '§ 3 Ersättning'],
    ['2.1 Budget per part', '2.1 Budget per part'],
    ['4. Uppföljning', '4 Uppföljning'],
    ['## Parter', 'Parter'],
    ['# § 1 Parter', '§ 1 Parter'],
    ['Bilaga 2 Budget', 'Bilaga 2 Budget'],
    ['PARTERNAS ÅTAGANDEN', 'Parternas åtaganden'],
  ])('%s is a heading (%s)', (line, heading) => {
    expect(headingOf(line)?.heading).toBe(heading);
  });

  test.each([
    '12 mars 2027 kl. 9–12',
    '3 parter har skrivit under.',
    '2027-02-12 Styrelsemöte',
    'Kansli och styrelse\t1 200\t1 250',
    '- Älvbacka kommun, org.nr 212000-9135',
    'Tolk bokas av den part som kallar till kartläggningssamtalet.',
  ])('%s is body text', (line) => {
    expect(headingOf(line)).toBeUndefined();
  });

  test('text before the first heading is the opening section; a repeated heading gets its line', () => {
    const sections = splitSections('Titel\n\n§ 1 Budget\na\n§ 2 Budget\nb\nBilaga 1 Budget\nc\n§ 1 Budget\nd');
    expect(sections.map((s) => s.heading)).toEqual(['Inledning', '§ 1 Budget', '§ 2 Budget', 'Bilaga 1 Budget', '§ 1 Budget (rad 9)']);
  });
});

describe('OCR damage', () => {
  test('words that lost å/ä/ö, from the document\'s own vocabulary or common stems, and numbers with letters', () => {
    const text = 'Försäkringskassan deltar.\nForsakringskassan ska rapportera till forbundet.\nKostnad 1 BOO tkr, resultat -B5 och 2 BeO.\nVi ses i férmiddag, T2 2023 och § 2a.\nE-post ola@forbund.example';
    const found = ocrFindings(splitSections(text));
    expect(found.filter((f) => f.kind === 'diakrit').map((f) => [f.text, f.suggestion])).toEqual([
      ['Forsakringskassan', 'försäkringskassan'], ['forbundet', 'förbundet'], ['férmiddag', 'förmiddag'],
    ]);
    expect(found.filter((f) => f.kind === 'siffra').map((f) => f.text)).toEqual(['1 BOO', '-B5', '2 BeO']);
  });
});

describe('candidates', () => {
  test('org numbers are checksum-validated and must be a legal person\'s (month digits 20 or more)', () => {
    expect(isOrgNumber('212000-9135')).toBe(true);
    expect(isOrgNumber('212000-9136')).toBe(false);
    expect(isOrgNumber('850709-9805')).toBe(false);
    const sections = splitSections('Avtal\nNorrviks kommun, org.nr 212000-9135 och felaktigt 212000-9136.');
    expect(findCandidates('a.txt', sections, { organs: [] }).map((c) => (c.kind === 'orgNumber' ? `${c.name} ${c.value}` : c.kind))).toEqual(['Norrviks kommun 212000-9135']);
  });

  test('a deadline keeps its sentence; a date in no meeting or deadline sentence is no candidate', () => {
    const sections = splitSections('§ 4 Rapportering\nVerksamhetsberättelsen ska lämnas senast 15 mars 2027.\nAvtalet undertecknades 2026-11-20.');
    const found = findCandidates('a.txt', sections, { organs: [] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'meeting', eventKind: 'deadline', date: '2027-03-15', context: 'Verksamhetsberättelsen ska lämnas senast 15 mars 2027.' });
  });
});

describe('extraction helpers', () => {
  test('a PDF line keeps its columns apart with a tab, however pdfjs fills the gap', () => {
    expect(pdfLines([
      { str: 'Post', x: 50, y: 300, width: 20, height: 10 },
      { str: ' ', x: 70, y: 300, width: 140, height: 0 },
      { str: '2027', x: 210, y: 300, width: 22, height: 10 },
      { str: 'Kansli', x: 50, y: 286, width: 28, height: 10 },
      { str: 'och', x: 81, y: 286, width: 16, height: 10 },
    ])).toEqual(['Post\t2027', 'Kansli och']);
  });

  test('a .docx table row becomes one line of tab-separated cells, a heading a markdown heading', () => {
    expect(htmlToText('<h1>§ 8 Budget</h1><table><tr><td><p>Post</p></td><td><p>2027</p></td></tr></table><p>A &amp; B</p>'))
      .toBe('# § 8 Budget\n\n\nPost\t2027\n\nA & B\n');
  });
});
