import { describe, expect, it } from '@jest/globals';
import { excerptAround } from '../../../src/domain/routing/evidence.js';
import { queryTerms } from '../../../src/domain/search/tokenize.js';

describe('excerptAround: list items holding a distinctive word', () => {
  const filler = 'Målgruppen har en sammansatt problematik av fysisk, psykisk, medicinsk och social karaktär. '.repeat(6);
  const text = `Gemensamt för målgruppen är att de är äldre än 25 år. ${filler}· Arbetslösa med sjukpenning · Vuxna hemmasittande · Etableringsärenden`;

  it('shows the item matching a distinctive word the best sentence lacks ("hemma" ~ "hemmasittande")', () => {
    const terms = queryTerms('Kan en vuxen som sitter hemma och aldrig kommer ut delta?');
    const out = excerptAround(text, terms, 300, ['hemm', 'aldr']);
    expect(out).toContain('Vuxna hemmasittande');
    expect(out).toContain('Gemensamt för målgruppen');
    expect(out.length).toBeLessThanOrEqual(340);
  });

  it('leaves excerpts without such items as before', () => {
    const out = excerptAround(text, queryTerms('äldre än 25 år'), 300);
    expect(out).not.toContain('hemmasittande');
  });
});

describe('bestSentence: a specific value answers in its passage', () => {
  it('a frequency sentence that repeats none of the question\'s words leads when asked how often', async () => {
    const { bestSentence } = await import('../../../src/domain/routing/evidence.js');
    const { FREQUENCY } = await import('../../../src/domain/routing/answersQuestion.js');
    const text = 'När en person fått ja vid beredningen klargörs roller. Vid uppstart får personen en skriftlig handlingsplan. Uppföljningen av planen sker minst var tredje månad. Rutiner finns på intranätet.';
    const terms = queryTerms('hur ofta ska handlingsplanen följas upp när nån fått ja');
    const gives = (s: string) => FREQUENCY.test(s);
    expect(bestSentence(text, terms, [], 280, gives, true)).toMatch(/^Uppföljningen av planen sker minst var tredje månad\./u);
    // Without "specific" (an amount: any digit gives one) the sentence must be about the question too.
    expect(bestSentence(text, terms, [], 280, gives)).toMatch(/^När en person fått ja/u);
  });
});

describe('a flattened table is cut around the question\'s words', () => {
  it('"Kommunikationsplan Verksamhetsansvarig … Ansvarig Mikael Holmlund …" leads with the cells that answer, not the table\'s start', async () => {
    const { bestSentence } = await import('../../../src/domain/routing/evidence.js');
    const cells = 'Personal Omfattning Arbetsgivaransvar Finansiering Utvecklingsledare 1.0 årsarbetare Umeå kommun IFO Samordningsförbundet Hälsocoach 1.0 årsarbetare Umeå kommun Viva Samordningsförbundet Arbetsförmedlare 1.0 årsarbetare Arbetsförmedlingen Samordningsförbundet Psykolog 0.5 årsarbetare Psykiatriska kliniken Samordningsförbundet Arbetsterapeut 0,8 årsarbetare Psykiatriska kliniken Psykiatriska kliniken Socionom 1.0 årsarbetare Umeå kommun';
    const line = bestSentence(cells, queryTerms('vem betalar psykologen i steget vidare'), ['psykolog']) ?? '';
    expect(line).toContain('Psykolog 0.5 årsarbetare Psykiatriska kliniken Samordningsförbundet');
    expect(line.length).toBeLessThan(200);
    expect(line.startsWith('…')).toBe(true);
  });
});
