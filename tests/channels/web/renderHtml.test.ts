import { readFileSync } from 'node:fs';
import { escapeHtml, renderReplyHtml, sourcesSummary } from '../../../src/channels/web/renderHtml.js';
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
    expect(new Set(tags.map((m) => m[1]))).toEqual(new Set(['div', 'p', 'br', 'ul', 'li', 'span', 'button', 'details', 'summary']));
    // Attributes are only ours: an escaped quote cannot end data-value and start onclick.
    const attributes = tags.flatMap((m) => [...(m[2] ?? '').matchAll(/\s([a-z-]+)="[^"]*"/g)].map((a) => a[1]));
    expect(new Set(attributes)).toEqual(new Set(['class', 'type', 'data-value']));
  });

  it('keeps the untrusted text visible, character for character', () => {
    const text = visibleText(html);
    expect(text).toContain(`Svar ${ATTACK}`);
    expect(text).toContain(`Org.nr ${ATTACK}:`);
    expect(text).toContain(`Ja ${ATTACK}`);
    expect(text).toContain(`KällaÖverenskommelse Vuxentorget (2020-01-01)7. Åtaganden ${ATTACK}`);
  });

  it('renders choices as buttons carrying their value (or label) in a quoted attribute', () => {
    expect(html).toContain('data-value="ja&quot; onclick=&quot;alert(1)"');
    expect(html).toContain('<button type="button" class="choice" data-value="Nej">Nej</button>');
  });

  it('renders facts as a list, sources under the answer, and flags exempeldata first', () => {
    expect(html.indexOf('class="exempeldata"')).toBeLessThan(html.indexOf('Svar'));
    expect(html).toMatch(/<ul class="facts"><li>/);
    expect(html.indexOf('class="sources"')).toBeGreaterThan(html.indexOf('class="choices"'));
    expect(html).toContain('<details class="sources"><summary>Källa</summary>');
    expect(html).toContain('<br>rad två</p><p>nytt stycke</p>');
  });

  it('groups sources per document and puts lines and facts past the first few behind "Visa mer"', () => {
    const long = renderReplyHtml({
      text: ['Svaret.', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n'),
      facts: Array.from({ length: 8 }, (_, i) => ({ label: `F${i}`, value: 'v' })),
      sources: [
        { doc: 'a', section: 'S1', title: 'Dok A', date: '2023-01-01' },
        { doc: 'b', section: 'S2', title: 'Dok B' },
        { doc: 'a', section: 'S3', title: 'Dok A', date: '2023-01-01' },
      ],
    });
    expect(long).toContain('<p>Svaret.<br>b<br>c<br>d<br>e<br>f</p><ul class="facts">');
    expect(long).toMatch(/<details class="more"><summary>Visa mer<\/summary><p>g<br>h<\/p><ul class="facts">(<li>.*?<\/li>){3}<\/ul><\/details>/);
    expect(long).toContain(
      '<details class="sources"><summary>Källor (2)</summary><ul><li><span class="source-doc">Dok A (2023-01-01)</span><ul><li>S1</li><li>S3</li></ul></li>' +
        '<li><span class="source-doc">Dok B</span><ul><li>S2</li></ul></li></ul></details>',
    );
  });

  it('renders a bare reply as its text only', () => {
    expect(renderReplyHtml({ text: 'Hej!' })).toBe('<div class="reply"><p>Hej!</p></div>');
  });
});

describe('the page script (static/chat.js)', () => {
  const script = readFileSync('src/channels/web/static/chat.js', 'utf8');

  it('uses the same wording as renderText and renderHtml for exempeldata and the sources summary', () => {
    expect(script).toContain(`'${EXEMPELDATA_MARKER}'`);
    expect(script).toContain(`return documents === 1 ? 'Källa' : 'Källor (' + documents + ')';`);
    expect(sourcesSummary(1)).toBe('Källa');
    expect(sourcesSummary(3)).toBe('Källor (3)');
  });

  it('never turns text into markup', () => {
    expect(script).not.toMatch(/\.innerHTML|\.outerHTML|\.insertAdjacentHTML|document\.write|eval\(/);
  });
});
