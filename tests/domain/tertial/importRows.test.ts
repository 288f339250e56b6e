import { readFileSync } from 'node:fs';
import { loadData } from '../../../src/data/load.js';
import {
  formatImportError, parseTertialCsv, parseTertialJson, readCsv, type ImportContext,
} from '../../../src/domain/tertial/importRows.js';
import { importContextFromData } from '../../../src/tertial/importContext.js';

let ctx: ImportContext;
beforeAll(async () => {
  ctx = importContextFromData(await loadData('data'));
});

const HEADER = 'förbund;verksamhet;år;tertial;aktuella;nya;avslutade;avslut_arbete;avslut_studier;avslut_medicinsk_rehabilitering;avslut_arbetsförmåga_saknas;avslut_övrigt;kvinnor;män;budget_tkr;utfall_tkr;lägesrapport';
const GOOD = 'umearegionen;vuxentorget;2023;T2;95;24;21;8;2;4;3;4;52;43;730;755,5;"Bra tertial; fler till arbete."';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const errorsOf = (text: string) => parseTertialCsv(text, ctx).errors.map((e) => formatImportError(e, 'csv'));

describe('tertial import: good files', () => {
  it('reads the documented header and a full row', () => {
    const r = parseTertialCsv(csv(GOOD), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([{
      forbund: 'umearegionen', verksamhet: 'vuxentorget', year: 2023, tertial: 'T2',
      participants: { current: 95, new: 24, ended: 21, endReasons: { arbete: 8, studier: 2, medicinskRehabilitering: 4, arbetsformagaSaknas: 3, ovrigt: 4 }, women: 52, men: 43 },
      money: { budgetTkr: 730, outcomeTkr: 755.5 }, indicators: [], lagesrapport: 'Bra tertial; fler till arbete.', exempeldata: false,
    }]);
  });

  it('accepts names, ASCII headers, commas, "tertial 1" and only the required columns', () => {
    const r = parseTertialCsv('forbund,verksamhet,ar,tertial,aktuella,nya,avslutade\nSamordningsförbundet Umeåregionen,Vuxentorget,2024,tertial 1,10,2,1', ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ forbund: 'umearegionen', verksamhet: 'vuxentorget', tertial: 'T1', participants: { current: 10 } });
  });

  it('imports the shipped EXEMPELDATA file, every row marked', () => {
    const r = parseTertialCsv(readFileSync('templates/exempeldata/tertialrapporter.exempel.csv', 'utf8'), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows.length).toBe(6);
    expect(r.rows.every((x) => x.exempeldata)).toBe(true);
    expect(r.rows.find((x) => x.verksamhet === 'samverkansteam-finnveden')?.indicators).toEqual([
      { goal: 'narmat-sig-arbetsmarknaden', resultPercent: 55 }, { goal: 'stod-till-stor-nytta', resultPercent: 80 }, { goal: 'erfarenheter-tillvaratagna', resultPercent: 83 },
    ]);
  });

  it('the template has the documented header and no figures', () => {
    const r = parseTertialCsv(readFileSync('templates/tertialrapport.csv', 'utf8'), ctx);
    expect(r.errors.map((e) => e.message)).toEqual(['filen har inga rader med siffror']);
  });

  it('JSON: a list of objects keyed by the column names', () => {
    const r = parseTertialJson(JSON.stringify([{ förbund: 'finnveden', verksamhet: 'samverkansteam-finnveden', år: 2022, tertial: 'T2', aktuella: 40, nya: 12, avslutade: 9, 'indikator:narmat-sig-arbetsmarknaden': 55 }]), ctx);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]?.indicators).toEqual([{ goal: 'narmat-sig-arbetsmarknaden', resultPercent: 55 }]);
  });

  it('CSV reader: quotes, doubled quotes, newlines in quotes, comments', () => {
    expect(readCsv('# kommentar\na;b\n"x;y";"sa ""hej""\nrad 2"\n', ';')).toEqual([
      { line: 2, cells: ['a', 'b'] }, { line: 3, cells: ['x;y', 'sa "hej"\nrad 2'] },
    ]);
  });
});

describe('tertial import: every kind of bad row is reported by row and column, in Swedish', () => {
  it.each([
    ['unknown förbund', 'okänt;vuxentorget;2023;T2;1;1;0;;;;;;;;;;', /Rad 2, kolumn "förbund": okänt förbund "okänt"/],
    ['unknown verksamhet', 'umearegionen;månskensbolaget;2023;T2;1;1;0;;;;;;;;;;', /Rad 2, kolumn "verksamhet": okänd verksamhet "månskensbolaget" i umearegionen/],
    ['bad year', 'umearegionen;vuxentorget;23;T2;1;1;0;;;;;;;;;;', /Rad 2, kolumn "år": ska vara ett årtal/],
    ['bad tertial', 'umearegionen;vuxentorget;2023;T4;1;1;0;;;;;;;;;;', /Rad 2, kolumn "tertial": ska vara T1 \(jan–apr\), T2 \(maj–aug\) eller T3 \(sep–dec\) \(var "T4"\)/],
    ['missing required value', 'umearegionen;vuxentorget;2023;T2;;1;0;;;;;;;;;;', /Rad 2, kolumn "aktuella": saknar värde/],
    ['negative count', 'umearegionen;vuxentorget;2023;T2;1;-2;0;;;;;;;;;;', /Rad 2, kolumn "nya": ska vara ett heltal 0 eller större \(var "-2"\)/],
    ['decimal count', 'umearegionen;vuxentorget;2023;T2;1,5;1;0;;;;;;;;;;', /kolumn "aktuella": ska vara ett heltal/],
    ['end reasons do not add up', 'umearegionen;vuxentorget;2023;T2;10;1;5;1;1;1;1;2;;;;;', /Rad 2, kolumn "avslutade": avslutsorsakerna summerar till 6 men avslutade är 5/],
    ['some end reasons exceed avslutade', 'umearegionen;vuxentorget;2023;T2;10;1;2;3;;;;;;;;;', /avslutsorsakerna \(3\) är fler än avslutade \(2\)/],
    ['more women and men than participants', 'umearegionen;vuxentorget;2023;T2;10;1;0;;;;;;6;5;;;', /Rad 2, kolumn "kvinnor": kvinnor \+ män \(11\) är fler än aktuella deltagare \(10\)/],
    ['bad amount', 'umearegionen;vuxentorget;2023;T2;10;1;0;;;;;;;;7 30x;;', /Rad 2, kolumn "budget_tkr": ska vara ett belopp i tkr/],
  ])('%s', (_kind, row, expected) => {
    const r = parseTertialCsv(csv(row), ctx);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => formatImportError(e, 'csv')).join('\n')).toMatch(expected);
  });

  it('an indicator for a goal the agreement does not have, and a percentage over 100', () => {
    const head = 'förbund;verksamhet;år;tertial;aktuella;nya;avslutade;indikator:påhittat-mål;indikator:stod-till-stor-nytta';
    const errors = errorsOf(`${head}\nfinnveden;samverkansteam-finnveden;2022;T2;1;1;0;50;120`).join('\n');
    expect(errors).toMatch(/kolumn "indikator:påhittat-mål": okänt mål "påhittat-mål" för Samverkansteam Finnveden \(mål med procentsats: narmat-sig-arbetsmarknaden, stod-till-stor-nytta, erfarenheter-tillvaratagna\)/);
    expect(errors).toMatch(/kolumn "indikator:stod-till-stor-nytta": ska vara en procentsats 0–100 \(var "120"\)/);
  });

  it('the same verksamhet and tertial twice in one file', () => {
    expect(errorsOf(csv(GOOD, GOOD))).toEqual(['Rad 3, kolumn "tertial": vuxentorget T2 2023 finns redan på rad 2']);
  });

  it('header problems: a missing required column, an unknown and a doubled column', () => {
    const errors = errorsOf('förbund;verksamhet;år;tertial;aktuella;nya;färg;nya\numearegionen;vuxentorget;2023;T2;1;1;röd;1');
    expect(errors).toEqual([
      'Rad 1, kolumn "avslutade": kolumnen saknas i rubrikraden',
      'Rad 1, kolumn "färg": okänd kolumn (se mallen templates/tertialrapport.csv)',
      'Rad 1, kolumn "nya": kolumnen finns två gånger',
    ]);
  });

  it('one bad row among good ones: no rows at all, every error listed with its row', () => {
    const r = parseTertialCsv(csv(GOOD, 'umearegionen;ungdomstorget;2023;T2;x;1;0;;;;;;;;;;', GOOD.replace(';T2;', ';T1;')), ctx);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.row)).toEqual([3]);
  });

  it('JSON errors name the post', () => {
    const r = parseTertialJson(JSON.stringify([{ förbund: 'umearegionen', verksamhet: 'vuxentorget', år: 2023, tertial: 'T2', aktuella: 'många', nya: 1, avslutade: 0 }]), ctx);
    expect(r.errors.map((e) => formatImportError(e, 'json'))).toEqual(['Post 1, kolumn "aktuella": ska vara ett heltal 0 eller större (var "många")']);
    expect(parseTertialJson('{"inte": "lista"}', ctx).errors[0]?.message).toMatch(/JSON-lista/);
    expect(parseTertialJson('[', ctx).errors[0]?.message).toMatch(/ogiltig JSON/);
  });
});
