import type { Reply } from '../../../src/core/reply.js';
import { EXEMPELDATA_MARKER, renderText } from '../../../src/core/renderText.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardActions, cardAttachment, cardText, MAX_ACTIONS_PER_ROW, renderCard, type CardElement } from '../../../src/channels/teams/renderCard.js';

const FULL: Reply = {
  text: 'Vuxentorget 2024: 2 000 tkr.\nBudgeterad kostnad.\n\nSe även Ungdomstorget.',
  facts: [
    { label: 'Vuxentorget', value: '2024: 2 000 tkr' },
    { label: 'Ungdomstorget', value: '2024: 1 500 tkr' },
  ],
  sources: [
    { doc: '001.txt', section: 'Bilaga 6, Samordningsförbundets budget', title: 'Verksamhetsplan 2023' },
    { doc: '000.txt', section: '7. Deltagande parter' },
  ],
  choices: [{ label: 'Ungdomstorget', value: 'budget ungdomstorget 2024' }, { label: 'hjälp' }],
};

function textBlocks(elements: readonly CardElement[]): Extract<CardElement, { type: 'TextBlock' }>[] {
  return elements.flatMap((e) => (e.type === 'TextBlock' ? [e] : e.type === 'Container' ? textBlocks(e.items) : []));
}

describe('renderCard', () => {
  it('is an Adaptive Card 1.5 with the plain text as fallbackText', () => {
    const card = renderCard(FULL);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(card.fallbackText).toBe(renderText(FULL));
  });

  it('puts the text in wrapping TextBlocks, one per line, a gap after a blank line', () => {
    const blocks = renderCard(FULL).body.filter((e) => e.type === 'TextBlock');
    expect(blocks.map((b) => b.type === 'TextBlock' && b.text)).toEqual(['Vuxentorget 2024: 2 000 tkr.', 'Budgeterad kostnad.', 'Se även Ungdomstorget.']);
    expect(blocks.every((b) => b.type === 'TextBlock' && b.wrap)).toBe(true);
    expect(blocks.map((b) => (b.type === 'TextBlock' ? b.spacing : 'not a TextBlock'))).toEqual([undefined, 'None', 'Medium']);
  });

  it('renders facts as a FactSet', () => {
    const factSet = renderCard(FULL).body.find((e) => e.type === 'FactSet');
    expect(factSet).toEqual({
      type: 'FactSet',
      spacing: 'Medium',
      facts: [
        { title: 'Vuxentorget', value: '2024: 2 000 tkr' },
        { title: 'Ungdomstorget', value: '2024: 1 500 tkr' },
      ],
    });
  });

  it('puts the sources last, in a separated footer of small subtle text', () => {
    const body = renderCard(FULL).body;
    const footer = body[body.length - 1];
    expect(footer?.type).toBe('Container');
    if (footer?.type !== 'Container') return;
    expect(footer.separator).toBe(true);
    expect(footer.items).toEqual([
      { type: 'TextBlock', text: 'Källa: Verksamhetsplan 2023, Bilaga 6, Samordningsförbundets budget', wrap: true, size: 'Small', isSubtle: true },
      { type: 'TextBlock', text: 'Källa: 000.txt, 7. Deltagande parter', wrap: true, size: 'Small', isSubtle: true, spacing: 'None' },
    ]);
  });

  it('turns choices into Action.Submit buttons carrying the value to type', () => {
    expect(renderCard(FULL).actions).toEqual([
      { type: 'Action.Submit', title: 'Ungdomstorget', data: { samverkansChoice: 'budget ungdomstorget 2024' } },
      { type: 'Action.Submit', title: 'hjälp', data: { samverkansChoice: 'hjälp' } },
    ]);
  });

  it('lays out many choices as rows of buttons in the body, so hosts that cap actions show them all', () => {
    const choices = ['Regionen', 'Socialtjänsten', 'Försäkringskassan', 'Arbetsförmedlingen', 'KAA', 'Etableringsprogrammet', 'Kriminalvården'].map((label) => ({ label }));
    const card = renderCard({ text: 'Vem aktualiserar?', choices, sources: [{ doc: 'd', section: 's' }] });
    expect(card.actions).toBeUndefined();
    const rows = card.body.filter((e) => e.type === 'ActionSet');
    expect(rows.map((r) => (r.type === 'ActionSet' ? r.actions.length : 0))).toEqual([MAX_ACTIONS_PER_ROW, 2]);
    expect(cardActions(card).map((a) => a.data.samverkansChoice)).toEqual(choices.map((c) => c.label));
    // The sources footer stays last.
    expect(card.body[card.body.length - 1]?.type).toBe('Container');
  });

  it('marks exempeldata first, as a warning', () => {
    const card = renderCard({ text: 'Siffror T2', exempeldata: true });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: EXEMPELDATA_MARKER, wrap: true, size: 'Small', weight: 'Bolder', color: 'Warning' });
  });

  it('leaves out what a reply does not have', () => {
    const card = renderCard({ text: 'Hej!', facts: [], sources: [], choices: [] });
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Hej!', wrap: true }]);
    expect(card.actions).toBeUndefined();
  });

  it('keeps every word of the plain-text rendering (nothing is lost in the card)', () => {
    const shown = [...textBlocks(renderCard(FULL).body).map((b) => b.text), ...FULL.facts!.flatMap((f) => [f.label, f.value])].join(' ');
    for (const word of ['Vuxentorget', 'Budgeterad', 'Ungdomstorget', 'Bilaga 6', '7. Deltagande parter']) expect(shown).toContain(word);
  });

  it('wraps the card as a Bot Framework attachment', () => {
    expect(cardAttachment({ text: 'x' })).toEqual({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderCard({ text: 'x' }) });
  });
});

describe('renderCard: Markdown links in data are no links (issue 15, finding 12)', () => {
  it('an imported [label](url) in text, facts and sources renders as the same visible text, not a link', () => {
    const link = '[klicka här](https://evil.example/x)';
    const card = renderCard({
      text: `Lägesrapport: ${link}`,
      facts: [{ label: `Fakta ${link}`, value: link }],
      sources: [{ doc: 'x', section: link }],
    });
    const body = JSON.stringify(card.body);
    expect(body).not.toMatch(/\[[^\]]*\]\(/);
    expect(body.replace(/\u200B/g, '')).toContain(link);
    expect(cardText(link)).toBe('[klicka här]\u200B(https://evil.example/x)');
    expect(cardText('vanlig text (med parentes) [utan länk]')).toBe('vanlig text (med parentes) [utan länk]');
  });
});
