import { loadData, type AgreementData } from '../../src/data/load.js';
import { answerBudget, budgetEvidenceScore, budgetScore, figureNote, formatAmount, formatFigure, namedRecordsOf, yearsIn, type NamedRecord } from '../../src/domain/budget.js';
import { parseQuery } from '../../src/domain/entities.js';
import { forbundOf } from '../../src/domain/forbund.js';
import { normalize } from '../../src/domain/text.js';

let data: AgreementData;
let named: NamedRecord[];
beforeAll(async () => {
  data = await loadData('data');
  named = namedRecordsOf(data);
});

const ask = (q: string, now?: Date) => {
  const a = answerBudget(q, forbundOf(data, parseQuery(data, q)), data.budgets, named, now);
  if (!a) throw new Error('no answer');
  return a;
};
const shown = (q: string) => ask(q).figures.map((f) => `${f.label} ${f.column}: ${formatFigure(f)}`);

describe('answerBudget', () => {
  it('a question about the outcome gets the budget said as the budget: the documents hold the plan', () => {
    expect(ask('vad blev forbundets faktiska resultat for 2023?').headline).toBe('Utfallet för 2023 står inte i dokumenten – bara budgeten: Resultat 2023: -1 150 tkr.');
    expect(ask('Vad blev budgeten för Vuxentorget 2023?').headline).toBe('Vuxentorget 2023: 2 190 tkr (budgeterad kostnad).');
    expect(ask('Vad är resultatet 2023?').headline).not.toContain('Utfallet');
  });

  it('a row is found from a compound or an inflection of its words ("styrelseledamot", "arvode")', () => {
    expect(ask('Hur mycket får en styrelseledamot i arvode 2023?').figures.map((f) => f.label)).toContain('Arvoden till styrelsen');
  });

  it('Vuxentorget 2023 = 2 190 tkr, a cost from 001 Bilaga 6', () => {
    const a = ask('Vad är Vuxentorgets budget 2023?');
    expect(a.headline).toBe('Vuxentorget 2023: 2 190 tkr (budgeterad kostnad).');
    expect(a.sources).toEqual([{ doc: '001_3b8f569c69f127f3.txt', section: 'Bilaga 6, Samordningsförbundets budget' }]);
    expect(a.uncertain).toBe(false);
  });

  it('a verksamhet without a year gives every year, with the OCR note on the reconciled one', () => {
    const a = ask('budget ungdomstorget');
    expect(shown('budget ungdomstorget')).toEqual(['Ungdomstorget 2023: 2 860 tkr', 'Ungdomstorget 2024: 2 600 tkr', 'Ungdomstorget 2025: 2 500 tkr']);
    expect(a.figures.map(figureNote).filter(Boolean)[0]).toMatch(/-2 BeO/);
  });

  it('a kommun name gives its contribution and its Samordningsteam', () => {
    expect(shown('Vindeln 2024')).toEqual(['Vindelns kommun, 2,9 % av arb-bef. (intäkt) 2024: 83 tkr', 'Samordningsteamet Vindeln 2024: 450 tkr']);
    expect(shown('Vad bidrar Vindelns kommun med 2024')).toEqual(['Vindelns kommun, 2,9 % av arb-bef. (intäkt) 2024: 83 tkr']);
  });

  it('flags the uncertain Vännäs 2025 figure with both readings', () => {
    const a = ask('Samordningsteamet Vännäs budget 2025');
    expect(a.uncertain).toBe(true);
    expect(a.headline).toMatch(/460 tkr.*osäker/);
    expect(figureNote(a.figures[0] ?? ({} as never))).toMatch(/460 eller 360 tkr/);
  });

  it('result, eget kapital and sums', () => {
    expect(ask('resultat 2024').headline).toBe('Resultat 2024: -595 tkr.');
    expect(shown('eget kapital 2025')).toEqual(['Eget kapital vid årets början 2025: 351 tkr', 'Eget kapital vid årets slut 2025: 721 tkr']);
    expect(shown('kostnader totalt 2023')).toEqual(['Kostnader totalt 2023: 12 635 tkr']);
    expect(shown('summa intäkter 2025')[0]).toBe('Summa intäkter 2025: 11 485 tkr');
  });

  it('Finnveden: per employer in kr, beviljat, sökta medel', () => {
    const lines = shown('Finnvedens budget 2022');
    expect(lines).toContain('Totalt 2022: 3 048 000 kr');
    expect(lines).toContain('Värnamo Jobbcenter 2022: 816 000 kr');
    expect(shown('Hur mycket söker Samverkansteam Finnveden för 2023?')).toEqual(['Sökta medel 2023: 2 948 000 kr']);
  });

  it('says which years exist when asked for another', () => {
    expect(ask('Vuxentorget budget 2030').headline).toMatch(/inga siffror för 2030.*2023, 2024, 2025/);
  });

  it('relative years from the clock', () => {
    expect(yearsIn(normalize('budget i år'), new Date('2024-05-01T12:00:00Z'))).toEqual(['2024']);
    expect(yearsIn(normalize('budget nästa år'), new Date('2024-05-01T12:00:00Z'))).toEqual(['2025']);
  });
});

describe('formatting and routing', () => {
  it('formats Swedish amounts', () => {
    expect(formatAmount(3048000)).toBe('3 048 000');
    expect(formatAmount(-1150)).toBe('-1 150');
    expect(formatAmount(5.25)).toBe('5,25');
  });

  it('scores budget questions, leaves tertial questions to the tertial dialog', () => {
    expect(budgetScore(normalize('Vad är Vuxentorgets budget 2023?'))).toBeGreaterThanOrEqual(0.9);
    expect(budgetScore(normalize('eget kapital 2024'))).toBeGreaterThan(0.8);
    expect(budgetScore(normalize('budget och utfall Ungdomstorget'))).toBeLessThan(0.5);
    expect(budgetScore(normalize('Vem kontaktar jag på psykiatrin?'))).toBe(0);
  });
});

describe('several measures, rows by party, evidence for the route', () => {
  it('answers every measure a question asks for (resultat and eget kapital)', () => {
    const a = ask('Hur stort blir resultatet 2025 och vad är det egna kapitalet då?');
    expect(a.headline).toContain('Resultat 2025: 370 tkr');
    expect(a.headline).toContain('Eget kapital vid årets slut 2025: 721 tkr');
  });

  it('a row named inside a hyphenated word (ESF-förstudien) is found', () => {
    expect(shown('Hur mycket budgeteras för ESF-förstudien 2023?')).toEqual(['ESF förstudie 2023: 150 tkr']);
  });

  it('a party named by its short alias (FK, RV) finds its own income row', () => {
    expect(shown('Vad bidrar RV med till förbundet 2024?')).toEqual(['Region Västerbotten (intäkt) 2024: 2 839 tkr']);
    expect(shown('Hur mycket betalar FK 2025?')).toEqual(['Försäkringskassan (intäkt) 2025: 5 677 tkr']);
  });

  it('a named party with a money word is a budget question; a year no table covers is not', () => {
    const score = (q: string) => budgetEvidenceScore(normalize(q), forbundOf(data, parseQuery(data, q)), data.budgets, named);
    expect(score('Hur stor andel står Vännäs kommun för?')).toBeGreaterThanOrEqual(0.9);
    expect(score('Hur mycket söktes i utlysningen 2017?')).toBeLessThan(0.5);
    expect(score('eget kapital enligt protokollet 2017')).toBeLessThan(0.5);
    expect(score('eget kapital 2024')).toBeGreaterThan(0.8);
  });
});

describe('a party the budget has no row for', () => {
  it('is not answered with the total: the budget does not say, and names the parties that pay in', () => {
    const a = ask('Hur mycket betalar Arbetsförmedlingen in till Samordningsförbundet Umeåregionen 2023?');
    expect(a.notStated).toBe(true);
    expect(a.headline).toMatch(/^Arbetsförmedlingen har ingen egen rad i Samordningsförbundets budget 2023–2025/u);
    expect(a.headline).toContain('Intäkterna kommer från Försäkringskassan');
    expect(a.headline).not.toContain('11 485');
  });

  it('a party with its own row, the förbund itself and the member municipalities keep their answers', () => {
    expect(ask('Hur mycket betalar Försäkringskassan 2024?').headline).toBe('Försäkringskassan (intäkt) 2024: 5 677 tkr.');
    expect(ask('Vad är förbundets resultat 2023?').notStated).toBeUndefined();
    expect(ask('Hur mycket betalar kommunerna?').notStated).toBeUndefined();
  });
});
