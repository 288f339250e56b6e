import { renderShaped, renderShapedAll, SHAPED_BODY_LINES } from '../../src/core/renderText.js';
import type { Reply } from '../../src/core/reply.js';

const source = (doc: string, section: string, date?: string) => ({ doc, section, title: `Dokument ${doc}`, ...(date ? { date } : {}) });

describe('renderShaped (the terminal reply shape)', () => {
  const long: Reply = {
    text: ['Svaret står här.', ...Array.from({ length: 9 }, (_, i) => `rad ${i + 1}`)].join('\n'),
    facts: [{ label: 'Fakta', value: 'ett' }],
    sources: [source('a', '§ 1', '2023-01-01'), source('a', '§ 2', '2023-01-01'), source('b', '3. Mål', '2020-05-05')],
    status: 'answered',
  };

  it('shows the headline and a bounded number of body lines, the rest behind "Visa mer", nothing lost', () => {
    const { shown, more } = renderShaped(long);
    const body = shown.split('\n\n')[0]?.split('\n') ?? [];
    expect(body[0]).toBe('Svaret står här.');
    expect(body).toHaveLength(SHAPED_BODY_LINES);
    expect(more.split('\n')).toEqual([...Array.from({ length: 5 }, (_, i) => `rad ${i + 5}`), '• Fakta: ett']);
  });

  it('names each document once with its date, its sections after it', () => {
    const { shown } = renderShaped(long);
    const sourceLines = shown.split('\n').filter((l) => l.startsWith('Källa: '));
    // Documents that fit on one line share it, each named once.
    expect(sourceLines).toEqual(['Källa: Dokument a (2023-01-01) – § 1; § 2 · Dokument b (2020-05-05) – 3. Mål']);
  });

  it('keeps the question of a step in sight and lists its choices on one line', () => {
    const step: Reply = {
      text: ['Målgrupp: 16–64 år.', 'a', 'b', 'c', 'd', 'e', 'f', 'Vilken ersättning har personen? (Flera går bra.)'].join('\n'),
      sources: [source('a', '§ 3')],
      choices: [{ label: 'Sjukpenning' }, { label: 'Vet inte' }],
      status: 'needs-input',
    };
    const { shown, more } = renderShaped(step);
    expect(shown).toContain('Vilken ersättning har personen?');
    expect(more).not.toContain('Vilken ersättning');
    expect(shown.split('\n').at(-1)).toBe('1) Sjukpenning   2) Aktivitetsersättning'.replace('Aktivitetsersättning', 'Vet inte'));
  });

  it('shows a menu (no status, no sources) whole, and one extra line rather than a "Visa mer" for it', () => {
    const menu: Reply = { text: Array.from({ length: 9 }, (_, i) => `val ${i}`).join('\n') };
    expect(renderShaped(menu).more).toBe('');
    const almost: Reply = { text: Array.from({ length: SHAPED_BODY_LINES + 1 }, (_, i) => `r ${i}`).join('\n'), status: 'answered' };
    expect(renderShaped(almost).more).toBe('');
  });

  it('joins the replies of one turn', () => {
    const all = renderShapedAll([long, { text: 'Andra svaret.', status: 'answered' }]);
    expect(all.shown).toContain('Andra svaret.');
    expect(all.more).toContain('rad 9');
  });
});
