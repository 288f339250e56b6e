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
