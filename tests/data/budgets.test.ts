import { checkBudget } from '../../src/data/crossCheck.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { figureValue, type Figure, type Loaded } from '../../src/data/schema.js';

const UMEA_DOC = '001_3b8f569c69f127f3.txt';
const UMEA_SECTION = 'Bilaga 6, Samordningsförbundets budget';
const FINN_DOC = '003_fdfb40ca13636d16.txt';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

function budget(forbund: string, id: string): Loaded<'budgets'> {
  const b = data.budgets.find((x) => x.forbund === forbund && x.id === id);
  if (!b) throw new Error(`no budget ${forbund}/${id}`);
  return b;
}

function rowFigure(b: Loaded<'budgets'>, rowId: string, column: string): Figure {
  const c = b.columns.indexOf(column);
  const row = b.sections.flatMap((s) => s.rows).find((r) => r.id === rowId);
  const f = row?.values[c];
  if (f === undefined) throw new Error(`no figure ${rowId} ${column}`);
  return f;
}

function value(b: Loaded<'budgets'>, rowId: string, column: string): number | null {
  return figureValue(rowFigure(b, rowId, column));
}

const clone = (b: Loaded<'budgets'>): Loaded<'budgets'> => structuredClone(b);

describe('every budget table in data/ adds up', () => {
  it('has the Umeåregionen and Finnveden tables', () => {
    expect(data.budgets.filter((b) => b.forbund === 'umearegionen').length).toBeGreaterThanOrEqual(1);
    expect(data.budgets.filter((b) => b.forbund === 'finnveden').length).toBeGreaterThanOrEqual(2);
  });

  it('passes checkBudget for every table', () => {
    for (const b of data.budgets) expect({ id: b.id, problems: checkBudget(b) }).toEqual({ id: b.id, problems: [] });
  });

  it('keeps the raw OCR text and a note on every reconciled figure', () => {
    const reconciled = data.budgets.flatMap((b) => b.sections.flatMap((s) => s.rows.flatMap((r) => r.values)))
      .filter((f): f is Exclude<Figure, number> => typeof f !== 'number' && f.raw !== undefined);
    expect(reconciled.length).toBeGreaterThanOrEqual(6);
    for (const f of reconciled) expect(f.note?.length ?? 0).toBeGreaterThan(20);
  });
});

describe('checkBudget rejects tables that do not add up', () => {
  it('a row that no longer matches its stated sum', () => {
    const b = clone(budget('umearegionen', 'budget-2023-2025'));
    const row = b.sections.find((s) => s.id === 'verksamheter')?.rows.find((r) => r.id === 'vuxentorget');
    if (!row) throw new Error('fixture');
    row.values[0] = -2100;
    expect(checkBudget(b).join('\n')).toMatch(/verksamheter kolumn 2023: raderna summerar till -8850, angiven summa -8940/);
  });

  it('the misread figure taken at its printed value', () => {
    const b = clone(budget('umearegionen', 'budget-2023-2025'));
    const row = b.sections.find((s) => s.id === 'verksamheter')?.rows.find((r) => r.id === 'samordningsteamet-vannas');
    if (!row) throw new Error('fixture');
    row.values[2] = -360;
    expect(checkBudget(b).join('\n')).toMatch(/kolumn 2025/);
  });

  it('a stated sum that contradicts its rows', () => {
    const b = clone(budget('umearegionen', 'budget-2023-2025'));
    const income = b.sections.find((s) => s.id === 'intakter');
    if (!income?.sum) throw new Error('fixture');
    income.sum[1] = 11400;
    expect(checkBudget(b).join('\n')).toMatch(/intakter kolumn 2024/);
  });

  it('a broken equity carry', () => {
    const b = clone(budget('umearegionen', 'budget-2023-2025'));
    if (!b.equity?.opening) throw new Error('fixture');
    b.equity.opening[1] = 900;
    const problems = checkBudget(b).join('\n');
    expect(problems).toMatch(/eget kapital förs inte över: utgående 2023 946 ≠ ingående 2024 900/);
  });

  it('the printed result 2024 (-545) instead of the reconciled -595', () => {
    const b = clone(budget('umearegionen', 'budget-2023-2025'));
    if (!b.result) throw new Error('fixture');
    b.result[1] = -545;
    const problems = checkBudget(b).join('\n');
    expect(problems).toMatch(/resultat 2024 är -545 men intäkter − kostnader = -595/);
    expect(problems).toMatch(/eget kapital 2024: ingående 946 \+ resultat -545 ≠ utgående 351/);
  });

  it('a wrong cost total, row total and grand total', () => {
    const b = clone(budget('umearegionen', 'budget-2023-2025'));
    if (!b.costTotal) throw new Error('fixture');
    b.costTotal[0] = -12600;
    expect(checkBudget(b).join('\n')).toMatch(/kostnader totalt 2023/);
    const s = clone(budget('finnveden', 'bemanning-per-kommun'));
    const section = s.sections[0];
    if (!section?.rows[0]) throw new Error('fixture');
    section.rows[0].total = 3.5;
    section.grandTotal = 7;
    const problems = checkBudget(s).join('\n');
    expect(problems).toMatch(/raden kommunen: värdena summerar till 3.75, angiven radsumma 3.5/);
    expect(problems).toMatch(/alla värden summerar till 6, angiven totalsumma 7/);
  });
});

describe('spot-checks of budget figures (value and source)', () => {
  const umea = () => budget('umearegionen', 'budget-2023-2025');
  const finn = () => budget('finnveden', 'budget-samverkansteam-2021-2022');

  it('Umeåregionen: source is 001 Bilaga 6 in tkr, costs printed negative', () => {
    expect(umea().source).toEqual({ doc: UMEA_DOC, section: UMEA_SECTION });
    expect(umea().unit).toBe('tkr');
    expect(umea().costSign).toBe('negative');
  });

  it.each([
    ['vuxentorget', '2023', -2190],
    ['vuxentorget', '2024', -2000],
    ['ungdomstorget', '2023', -2860],
    ['ungdomstorget', '2024', -2600],
    ['ungdomstorget', '2025', -2500],
    ['forsakringskassan', '2023', 5677],
    ['region-vasterbotten', '2025', 2839],
    ['umea-kommun', '2024', 2370],
    ['vindelns-kommun', '2023', 83],
    ['kanslipersonal', '2025', -1800],
    ['lokalhyra', '2023', -85],
    ['konferens-och-utbildning', '2025', -30],
    ['esf-forstudie', '2023', -150],
    ['processledare-integration', '2025', -360],
    ['sammanhallna-insatser-unga', '2023', -750],
  ])('001 Bilaga 6: %s %s = %d tkr', (row, year, expected) => {
    expect(value(umea(), row, year)).toBe(expected);
  });

  it('001 Bilaga 6: sums, result and eget kapital', () => {
    const b = umea();
    expect(b.sections.find((s) => s.id === 'intakter')?.sum?.map(figureValue)).toEqual([11485, 11485, 11485]);
    expect(b.costTotal?.map(figureValue)).toEqual([-12635, -12080, -11115]);
    expect(b.result?.map(figureValue)).toEqual([-1150, -595, 370]);
    expect(b.equity?.opening?.map(figureValue)).toEqual([2096, 946, 351]);
    expect(b.equity?.closing.map(figureValue)).toEqual([946, 351, 721]);
  });

  it('001 Bilaga 6: the raw text of reconciled figures is kept', () => {
    const b = umea();
    expect(rowFigure(b, 'ungdomstorget', '2023')).toMatchObject({ raw: '-2 BeO', value: -2860 });
    expect(rowFigure(b, 'vindelns-kommun', '2024')).toMatchObject({ raw: 'Bl', value: 83 });
    expect(rowFigure(b, 'kanslipersonal', '2025')).toMatchObject({ raw: '-1 BOO', value: -1800 });
    expect(rowFigure(b, 'lokalhyra', '2023')).toMatchObject({ raw: '-B5', value: -85 });
    expect(b.result?.[1]).toMatchObject({ raw: '-545', value: -595 });
  });

  it('001 Bilaga 6: Vännäs 2025 is uncertain with both readings', () => {
    expect(rowFigure(umea(), 'samordningsteamet-vannas', '2025')).toMatchObject({
      raw: '-360', value: -460, uncertain: true, alternatives: [-460, -360],
    });
  });

  it('003: Samverkansteam Finnveden budget in kr, per employer', () => {
    const b = finn();
    expect(b.source.doc).toBe(FINN_DOC);
    expect(b.unit).toBe('kr');
    expect(value(b, 'varnamo-jobbcenter', '2021')).toBe(206400);
    expect(value(b, 'gnosjo-ame-fst', '2022')).toBe(408000);
    expect(value(b, 'gislaved-ame-fst', '2022')).toBe(816000);
    expect(value(b, 'utbildning', '2022')).toBe(160000);
    expect(value(b, 'kop-tjanst', '2022')).toBe(32000);
    expect(b.sections[0]?.sum?.map(figureValue)).toEqual([812400, 3048000]);
    expect(value(b, 'beviljat-belopp', '2021')).toBe(812000);
    expect(rowFigure(b, 'utbildning', '2021')).toMatchObject({ value: 90000, uncertain: true });
  });

  it('003: sökta medel 2023 and staffing 5,25 tjänster / 6 årsarbetare', () => {
    expect(value(budget('finnveden', 'sokta-medel-2021-2023'), 'sokta-medel', '2023')).toBe(2948000);
    const staffing = budget('finnveden', 'bemanning-per-kommun');
    expect(staffing.sections[0]?.grandTotal).toBe(6);
    expect(staffing.source.section).toBe('Ansökan, Bemanning och styrning');
    expect(budget('finnveden', 'omfattning-tjanst').sections[0]?.rows[0]?.total).toBe(5.25);
  });
});
