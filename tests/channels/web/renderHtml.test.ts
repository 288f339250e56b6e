import { readFileSync } from 'node:fs';
import { escapeHtml, renderReplyHtml } from '../../../src/channels/web/renderHtml.js';
import { EXEMPELDATA_MARKER } from '../../../src/core/renderText.js';
import type { Reply } from '../../../src/core/reply.js';

const ATTACK = `<script>alert("x")</script><img src=x onerror='alert(1)'>&amp;`;

/** Everything between tags, entities decoded: what a browser would show as text. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('escapeHtml', () => {
  it('escapes the five characters that can open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderReplyHtml', () => {
  const reply: Reply = {
    text: `Svar ${ATTACK}\nrad två\n\nnytt stycke`,
    facts: [{ label: `Org.nr ${ATTACK}`, value: `202100-${ATTACK}` }],
    choices: [{ label: `Ja ${ATTACK}`, value: `ja" onclick="alert(1)` }, { label: 'Nej' }],
    sources: [{ doc: '000.txt', section: `7. Åtaganden ${ATTACK}`, title: 'Överenskommelse Vuxentorget (2020)', date: '2020-01-01' }],
    exempeldata: true,
  };
  const html = renderReplyHtml(reply);

  it('creates no element from untrusted text', () => {
    expect(html).not.toMatch(/<script|<img/i);
    const tags = [...html.matchAll(/<([a-z]+)([^>]*)>/g)];
    expect(new Set(tags.map((m) => m[1]))).toEqual(new Set(['div', 'p', 'br', 'ul', 'li', 'span', 'button']));
    // Attributes are only ours: an escaped quote cannot end data-value and start onclick.
    const attributes = tags.flatMap((m) => [...(m[2] ?? '').matchAll(/\s([a-z-]+)="[^"]*"/g)].map((a) => a[1]));
    expect(new Set(attributes)).toEqual(new Set(['class', 'type', 'data-value']));
  });

  it('keeps the untrusted text visible, character for character', () => {
    const text = visibleText(html);
    expect(text).toContain(`Svar ${ATTACK}`);
    expect(text).toContain(`Org.nr ${ATTACK}:`);
    expect(text).toContain(`Ja ${ATTACK}`);
    expect(text).toContain(`Källa: Överenskommelse Vuxentorget (2020), 7. Åtaganden ${ATTACK}`);
  });

  it('renders choices as buttons carrying their value (or label) in a quoted attribute', () => {
    expect(html).toContain('data-value="ja&quot; onclick=&quot;alert(1)"');
    expect(html).toContain('<button type="button" class="choice" data-value="Nej">Nej</button>');
  });

  it('renders facts as a list, sources under the answer, and flags exempeldata first', () => {
    expect(html.indexOf('class="exempeldata"')).toBeLessThan(html.indexOf('Svar'));
    expect(html).toMatch(/<ul class="facts"><li>/);
    expect(html.indexOf('class="sources"')).toBeGreaterThan(html.indexOf('class="choices"'));
    expect(html).toContain('<br>rad två</p><p>nytt stycke</p>');
  });

  it('renders a bare reply as its text only', () => {
    expect(renderReplyHtml({ text: 'Hej!' })).toBe('<div class="reply"><p>Hej!</p></div>');
  });
});

describe('the page script (static/chat.js)', () => {
  const script = readFileSync('src/channels/web/static/chat.js', 'utf8');

  it('uses the same wording as renderText for exempeldata and sources', () => {
    expect(script).toContain(`'${EXEMPELDATA_MARKER}'`);
    expect(script).toContain(`return 'Källa: ' + (source.title || source.doc) + ', ' + source.section;`);
  });

  it('never turns text into markup', () => {
    expect(script).not.toMatch(/\.innerHTML|\.outerHTML|\.insertAdjacentHTML|document\.write|eval\(/);
  });
});
