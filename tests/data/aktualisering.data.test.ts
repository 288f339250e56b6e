import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { normalize } from '../../src/domain/text.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
});

/** A seed document as normalised text. 001 is OCR: å/ä/ö are folded or misread ("bedems", "arbetsfeormedlingen"), so the expected words are copied as printed. */
function seed(doc: string): string {
  return normalize(readFileSync(join(process.cwd(), 'seeds', doc), 'utf8'));
}

const B3 = '001_3b8f569c69f127f3.txt';

/**
 * The aktualisering rules in data/ must say what the document says: each row is a phrase of the
 * curated record and the words of the source it rests on (OCR text, folded).
 */
const FACTS: [recordId: string, inData: string, doc: string, inDoc: string][] = [
  ['regionen-sjukpenning-aktivitetsersattning', 'ingen annan planering', B3, 'forst forankra med forsdkringskassan innan aktualisering sker detta for att sdkerstalla att ingen annan planering foreligger'],
  ['regionen-forsorjningsstod', 'försörjningsstödshandläggare', B3, 'forankring ske med socialtjanstens forsorjningsstodshandlaggare infor en aktualisering till arbetsmarknadstorgen'],
  ['socialtjansten-nara-arbetsmarknaden', 'stå nära arbetsmarknaden', B3, 'om en individ bedems sta nara arbetsmarknaden ska en avstamning geras med arbetsf'],
  ['etablering-samverkansgrupp', 'Arbetsförmedlingen är sammankallande', B3, 'samverkansgrupp for etablering dar arbetsfeormedlingen ar sammankallande'],
  ['forsakringskassan-gemensam-kartlaggning', 'utreder tillsammans', B3, 'arbetsformedlingen och forsakringskassan utreder tillsammans behovet av insatser'],
  ['samtycke', 'personuppgiftsbehandling', B3, 'detta galler dven samtycke for personuppgiftsbehandling'],
  ['uppfoljning-arbetsmarknadstorgen', 'minst var tredje månad', B3, 'sker minst var tredje manad'],
  ['avslutsorsaker', 'fyra definierade avslutsorsaker', B3, 'det finns fyra definierade avslutsorsaker i samverkan'],
  ['beredning-arbetsmarknadstorgen', 'Arbetsförmedlingen, Försäkringskassan, Socialtjänsten och Regionen', B3, 'beredningen deltar arbetsfermedlingen forsakringskassan socialtjansten och regionen'],
  ['samverkansgrupp-etablering', 'i kranskommunerna fyra', B3, 'i kranskommunerna fyra traffar'],
  ['kaa', '16–19 år', B3, 'ungdomar i aldern 16 19 ar som ar folkbokferda i kommunen'],
  ['intag-och-inskrivningstid', 'max 1 år', '003_fdfb40ca13636d16.txt', 'inskrivningstid max 1 ar'],
];

function textOf(id: string): string | undefined {
  const records: unknown[] = [
    ...data.individprocesser, ...data.individprocesser.flatMap((p) => p.forankring), ...data.paths, ...data.processRules,
  ];
  const r = records.find((x) => (x as { id: string }).id === id);
  return r === undefined ? undefined : JSON.stringify(r);
}

describe('aktualisering data says what the documents say', () => {
  test.each(FACTS)('%s: "%s"', (id, inData, doc, inDoc) => {
    const text = textOf(id);
    expect(text).toBeDefined();
    expect(text).toContain(inData);
    expect(seed(doc).replace(/[-–]/g, ' ').replace(/\s+/g, ' ')).toContain(inDoc);
  });

  test('every process, rule, path and process rule names its source section; rule paths exist', () => {
    const docs = new Set(data.documents.map((d) => d.doc));
    for (const p of data.individprocesser) {
      expect(docs.has(p.source.doc)).toBe(true);
      for (const r of p.forankring) {
        expect(r.source.section).toMatch(/^Bilaga 3, /);
        for (const id of r.paths) expect(data.paths.some((x) => x.id === id && x.forbund === p.forbund)).toBe(true);
      }
      for (const s of p.steps) expect(s.source.section.length).toBeGreaterThan(5);
    }
    for (const r of [...data.paths, ...data.processRules]) expect(docs.has(r.source.doc)).toBe(true);
  });

  test('every referring party of the schema has a process in Umeåregionen', () => {
    const parties = new Set(data.individprocesser.filter((p) => p.forbund === 'umearegionen').map((p) => p.referringParty));
    expect([...parties].sort()).toEqual(['arbetsformedlingen', 'etableringsprogrammet', 'forsakringskassan', 'kaa', 'kriminalvard', 'region', 'socialtjanst']);
  });

  test('the målgrupp fields the check reads are present (Vuxentorget, Samverkansteam Finnveden)', () => {
    const vt = data.verksamheter.find((v) => v.id === 'vuxentorget');
    expect(vt?.malgrupp.some((g) => g.ageMin === 25 && g.ageMax === 64 && g.residence.includes('Umeå'))).toBe(true);
    const sf = data.verksamheter.find((v) => v.id === 'samverkansteam-finnveden');
    const g = sf?.malgrupp[0];
    expect([g?.ageMin, g?.ageMax]).toEqual([16, 64]);
    expect(g?.residence).toEqual(['Gislaved', 'Gnosjö', 'Värnamo']);
    expect(g?.exclusions.join(' ')).toMatch(/hel sjukersättning/);
    expect(g?.exclusions.join(' ')).toMatch(/missbruk/);
  });
});
