import type { Reply } from '../../../src/core/reply.js';
import { EXEMPELDATA_MARKER, renderText } from '../../../src/core/renderText.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardAttachment, cardChoices, cardText, MAX_BUTTONS, MORE_FACTS_ID, MORE_TEXT_ID, renderCard, SOURCES_ID, type CardElement } from '../../../src/channels/teams/renderCard.js';

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

  it('puts the sources last, collapsed behind a "Källor" toggle, each document once with its sections under it', () => {
    const card = renderCard({
      text: 'Svar.',
      sources: [
        { doc: '001.txt', section: 'Bilaga 6', title: 'Överenskommelse/Verksamhetsplan 2023 och mötesplan 2023, Samordningsförbundet Umeåregionen (styrelsen 2022-11-25)', date: '2022-11-25' },
        { doc: '001.txt', section: 'Bilaga 3' },
        { doc: '000.txt', section: '7. Deltagande parter' },
      ],
    });
    const body = card.body;
    const footer = body[body.length - 1];
    const toggle = body[body.length - 2];
    expect(toggle).toEqual({
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [{ type: 'Action.ToggleVisibility', title: 'Källor (2)', targetElements: [SOURCES_ID] }],
    });
    expect(footer).toMatchObject({ type: 'Container', id: SOURCES_ID, isVisible: false });
    if (footer?.type !== 'Container') return;
    expect(footer.items.map((i) => (i.type === 'TextBlock' ? i.text : i.type))).toEqual([
      'Överenskommelse/Verksamhetsplan 2023 och mötesplan 2023 (2022-11-25)',
      '– Bilaga 6',
      '– Bilaga 3',
      '000.txt',
      '– 7. Deltagande parter',
    ]);
  });

  it('turns a few short choices into one row of Action.Submit buttons carrying the value to type', () => {
    const card = renderCard(FULL);
    const row = card.body.find((e) => e.type === 'ActionSet' && e.actions.some((a) => a.type === 'Action.Submit'));
    expect(row).toEqual({
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        { type: 'Action.Submit', title: 'Ungdomstorget', data: { samverkansChoice: 'budget ungdomstorget 2024' } },
        { type: 'Action.Submit', title: 'hjälp', data: { samverkansChoice: 'hjälp' } },
      ],
    });
    expect(card.actions).toBeUndefined();
  });

  it('lays out more (or longer) choices as one vertical, wrapping choice list with a single submit', () => {
    const choices = ['Regionen (psykiatri, primärvård)', 'Socialtjänsten', 'Försäkringskassan', 'Arbetsförmedlingen', 'KAA'].map((label) => ({ label }));
    const card = renderCard({ text: 'Vem aktualiserar?', choices, sources: [{ doc: 'd', section: 's' }] });
    const list = card.body.find((e) => e.type === 'Input.ChoiceSet');
    expect(list).toMatchObject({ type: 'Input.ChoiceSet', id: 'samverkansChoice', style: 'expanded', wrap: true, isRequired: true });
    const submits = card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : [])).filter((a) => a.type === 'Action.Submit');
    expect(submits).toEqual([{ type: 'Action.Submit', title: 'Välj', data: {} }]);
    expect(cardChoices(card).map((c) => c.value.samverkansChoice)).toEqual(choices.map((c) => c.label));
    // Three choices, but one too long for a button row, also become a list.
    expect(renderCard({ text: 'x', choices: choices.slice(0, MAX_BUTTONS) }).body.some((e) => e.type === 'Input.ChoiceSet')).toBe(true);
    // The sources stay last.
    expect(card.body[card.body.length - 1]?.type).toBe('Container');
  });

  it('shows the first lines and facts and puts the rest behind one "Visa mer" toggle', () => {
    const text = ['Svaret.', 'rad 2', 'rad 3', 'rad 4', 'rad 5', 'rad 6', 'rad 7', 'rad 8'].join('\n');
    const facts = Array.from({ length: 9 }, (_, i) => ({ label: `F${i + 1}`, value: String(i + 1) }));
    const card = renderCard({ text, facts });
    const visible = card.body.filter((e) => !('isVisible' in e));
    expect(textBlocks(visible).map((b) => b.text)).toEqual(['Svaret.', 'rad 2', 'rad 3', 'rad 4', 'rad 5', 'rad 6']);
    const hiddenText = card.body.find((e) => e.type === 'Container' && e.id === MORE_TEXT_ID);
    expect(hiddenText && textBlocks([hiddenText]).map((b) => b.text)).toEqual(['rad 7', 'rad 8']);
    const sets = card.body.filter((e) => e.type === 'FactSet');
    expect(sets.map((f) => (f.type === 'FactSet' ? [f.facts.length, f.isVisible] : []))).toEqual([[5, undefined], [4, false]]);
    expect(card.body).toContainEqual({
      type: 'ActionSet',
      spacing: 'Small',
      actions: [{ type: 'Action.ToggleVisibility', title: 'Visa mer', targetElements: [MORE_TEXT_ID, MORE_FACTS_ID] }],
    });
  });

  it('marks exempeldata first, in a warning container with normal (readable) text colour', () => {
    const card = renderCard({ text: 'Siffror T2', exempeldata: true });
    expect(card.body[0]).toEqual({
      type: 'Container',
      style: 'warning',
      bleed: true,
      items: [{ type: 'TextBlock', text: EXEMPELDATA_MARKER, wrap: true, size: 'Small', weight: 'Bolder' }],
    });
  });

  it('leaves out what a reply does not have', () => {
    const card = renderCard({ text: 'Hej!', facts: [], sources: [], choices: [] });
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Hej!', wrap: true }]);
    expect(card.actions).toBeUndefined();
  });

  it('keeps every word of the plain-text rendering (nothing is lost in the card)', () => {
    const shown = [...textBlocks(renderCard(FULL).body).map((b) => b.text), ...FULL.facts!.flatMap((f) => [f.label, f.value])].join(' ');
    for (const word of ['Vuxentorget', 'Budgeterad', 'Ungdomstorget', 'Bilaga 6', '7. Deltagande parter', 'Verksamhetsplan 2023']) expect(shown).toContain(word);
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
