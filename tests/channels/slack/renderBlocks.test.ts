import { EXEMPELDATA_MARKER } from '../../../src/core/renderText.js';
import type { Reply } from '../../../src/core/reply.js';
import {
  blocksAfterChoice,
  CHOICE_ACTION_PREFIX,
  CHOICES_BLOCK_ID,
  escapeMrkdwn,
  fallbackText,
  renderBlocks,
  splitText,
  type SlackBlock,
} from '../../../src/channels/slack/renderBlocks.js';

const full: Reply = {
  text: 'Arbetsförmedlingen åtar sig följande i Vuxentorget.',
  facts: [
    { label: 'Organisationsnummer', value: '202100-2114' },
    { label: 'Kontakt', value: 'Sektionschef' },
  ],
  sources: [
    { doc: '000.txt', section: '7. Deltagande parter och åtaganden', title: 'Överenskommelse Vuxentorget (2020)' },
    { doc: '000.txt', section: '7. Deltagande parter och åtaganden', title: 'Överenskommelse Vuxentorget (2020)' },
  ],
  choices: [{ label: 'Ja' }, { label: 'Nej, avbryt', value: 'avbryt' }],
};

function ofType<T extends SlackBlock['type']>(blocks: SlackBlock[], type: T): Extract<SlackBlock, { type: T }>[] {
  return blocks.filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);
}

describe('renderBlocks', () => {
  it('renders text, facts as fields, sources as context and choices as buttons, with the plain text as fallback', () => {
    const { text, blocks } = renderBlocks(full);
    expect(text).toBe(fallbackText(full));
    expect(text).toBe(
      'Arbetsförmedlingen åtar sig följande i Vuxentorget.\n\n• Organisationsnummer: 202100-2114\n• Kontakt: Sektionschef\n\n' +
        'Källa: Överenskommelse Vuxentorget (2020): 7. Deltagande parter och åtaganden\n\n1) Ja\n2) Nej, avbryt',
    );
    expect(blocks.map((b) => b.type)).toEqual(['section', 'section', 'context', 'actions']);

    const [body, facts] = ofType(blocks, 'section');
    expect(body?.text).toEqual({ type: 'mrkdwn', text: full.text });
    expect(facts?.fields).toEqual([
      { type: 'mrkdwn', text: '*Organisationsnummer*\n202100-2114' },
      { type: 'mrkdwn', text: '*Kontakt*\nSektionschef' },
    ]);

    const [sources] = ofType(blocks, 'context');
    // The same source twice is shown once, as in the plain text.
    expect(sources?.elements).toEqual([
      { type: 'mrkdwn', text: 'Källor: Överenskommelse Vuxentorget (2020): 7. Deltagande parter och åtaganden' },
    ]);

    const [actions] = ofType(blocks, 'actions');
    expect(actions?.block_id).toBe(CHOICES_BLOCK_ID);
    expect(actions?.elements).toEqual([
      { type: 'button', action_id: `${CHOICE_ACTION_PREFIX}_0`, text: { type: 'plain_text', text: 'Ja', emoji: true }, value: 'Ja' },
      {
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}_1`,
        text: { type: 'plain_text', text: 'Nej, avbryt', emoji: true },
        value: 'avbryt',
      },
    ]);
  });

  it('escapes &, < and > in every mrkdwn text, so data or users cannot ping, link or inject markup', () => {
    const hostile = '<!channel> & <@U123> <https://evil.example|klicka>';
    const { blocks, text } = renderBlocks({
      text: hostile,
      facts: [{ label: `A<b>`, value: hostile }],
      sources: [{ doc: 'x', section: `S & <t>` }],
    });
    const json = JSON.stringify(blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(json).not.toContain('<https://');
    expect(json).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(json).toContain('*A&lt;b&gt;*');
    expect(json).toContain('S &amp; &lt;t&gt;');
    // The fallback is the plain text of every channel, escaped the same way: Slack parses it for mentions too.
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text.startsWith(escapeMrkdwn(hostile))).toBe(true);
  });

  it('says the headline first and marks exempeldata right after it', () => {
    const { blocks, text } = renderBlocks({ text: 'Siffror T2: 41 deltagare.\nMer.', exempeldata: true });
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Siffror T2: 41 deltagare.\nMer.' } });
    expect(blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${EXEMPELDATA_MARKER}` }] });
    expect(text).toBe(`Siffror T2: 41 deltagare.\n\n${EXEMPELDATA_MARKER}\n\nMer.`);
  });

  it('a reply with only choices has no empty section', () => {
    const { blocks } = renderBlocks({ text: '  ', choices: [{ label: 'Ett' }] });
    expect(blocks.map((b) => b.type)).toEqual(['actions']);
  });

  it('keeps within Block Kit limits: long text split, 10 fields per section, 75-char button labels, unique ids', () => {
    const long = Array.from({ length: 400 }, (_, i) => `Mening ${i} om samverkan.`).join(' ');
    const facts = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const choices = Array.from({ length: 30 }, (_, i) => ({ label: `Val ${i} ${'x'.repeat(100)}` }));
    const { blocks } = renderBlocks({ text: long, facts, choices });

    const sections = ofType(blocks, 'section');
    const textSections = sections.filter((s) => s.text);
    expect(textSections.length).toBeGreaterThan(1);
    for (const s of textSections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
    expect(textSections.map((s) => s.text?.text).join(' ')).toBe(long);
    expect(sections.filter((s) => s.fields).map((s) => s.fields?.length)).toEqual([10, 10, 3]);

    const actions = ofType(blocks, 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    expect(new Set(actions.map((a) => a.block_id)).size).toBe(2);
    const buttons = actions.flatMap((a) => a.elements);
    expect(new Set(buttons.map((b) => ('action_id' in b ? b.action_id : ''))).size).toBe(30);
    for (const b of buttons) if (b.type === 'button') expect(b.text.text.length).toBeLessThanOrEqual(75);
  });

  it('never exceeds 50 blocks and keeps the buttons', () => {
    const facts = Array.from({ length: 700 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const { blocks } = renderBlocks({ text: 'Många', facts, choices: [{ label: 'Vidare' }] });
    expect(blocks.length).toBe(50);
    expect(blocks[49]?.type).toBe('actions');
    expect(JSON.stringify(blocks[48])).toContain('förkortat');
  });
});

describe('splitText', () => {
  it('prefers paragraph breaks', () => {
    expect(splitText(`${'a'.repeat(8)}\n\n${'b'.repeat(8)}`, 12)).toEqual(['a'.repeat(8), 'b'.repeat(8)]);
  });
  it('cuts words when it must', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes the three control characters and nothing else', () => {
    expect(escapeMrkdwn('a & b < c > d *e* _f_ å')).toBe('a &amp; b &lt; c &gt; d *e* _f_ å');
  });
});

describe('blocksAfterChoice', () => {
  it('replaces the choice buttons with who chose what', () => {
    const { blocks } = renderBlocks(full);
    const after = blocksAfterChoice(blocks, 'Nej, avbryt', 'U42');
    expect(after.some((b) => b.type === 'actions')).toBe(false);
    expect(after.slice(0, -1)).toEqual(blocks.filter((b) => b.type !== 'actions'));
    expect(after.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '<@U42> valde *Nej, avbryt*' }] });
  });
});

describe('renderBlocks: mrkdwn formatting in data stays text (issue 15, finding 12)', () => {
  const marked = '*fet* _kursiv_ ~struken~ `kod`';

  it('text, facts, sources and a chosen label that could format go out as plain_text, unescaped and unchanged', () => {
    const { blocks } = renderBlocks({
      text: `Lägesrapport: ${marked}`,
      facts: [{ label: 'Lägesrapport', value: marked }, { label: 'Kontakt', value: 'Sektionschef' }],
      sources: [{ doc: 'x', section: '> citat', title: 'Rapport *T1*' }],
    });
    const [body, facts] = ofType(blocks, 'section');
    expect(body?.text).toEqual({ type: 'plain_text', text: `Lägesrapport: ${marked}`, emoji: false });
    expect(facts?.fields).toEqual([
      { type: 'plain_text', text: `Lägesrapport\n${marked}`, emoji: false },
      { type: 'mrkdwn', text: '*Kontakt*\nSektionschef' },
    ]);
    const [sources] = ofType(blocks, 'context');
    expect(sources?.elements).toEqual([{ type: 'plain_text', text: 'Källor: Rapport *T1*: > citat', emoji: false }]);

    const after = blocksAfterChoice([], 'Välj *T1*', 'U42');
    expect(after).toEqual([{ type: 'context', elements: [{ type: 'mrkdwn', text: '<@U42> valde' }, { type: 'plain_text', text: 'Välj *T1*', emoji: false }] }]);
  });

  it('a quote marker at the start of any line counts too', () => {
    const [body] = ofType(renderBlocks({ text: 'Rad ett\n  > rad två' }).blocks, 'section');
    expect(body?.text?.type).toBe('plain_text');
  });
});
