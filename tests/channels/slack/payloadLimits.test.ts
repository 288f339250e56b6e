import type { Reply } from '../../../src/core/reply.js';
import { escapeMrkdwn, FALLBACK_TEXT_MAX, renderBlocks, type SlackBlock } from '../../../src/channels/slack/renderBlocks.js';
import { headline } from '../../../src/channels/replyParts.js';
import { startTestApp, type TestApp } from '../../helpers/httpApp.js';
import { EDGE_REPLIES, sampleReplies } from '../../helpers/sampleReplies.js';

/** A reply far past every limit: 30,000 characters of text, 120 facts, 40 documents, 60 choices. */
const VERY_LONG: Reply = {
  exempeldata: true,
  text: ['Ja, det finns 120 mått.', ...Array.from({ length: 1500 }, (_, i) => `Rad ${i} med text & <tecken> om samverkan.`)].join('\n'),
  facts: Array.from({ length: 120 }, (_, i) => ({ label: `Mått ${i}`, value: 'v'.repeat(2500) })),
  sources: Array.from({ length: 40 }, (_, i) => ({ doc: `d${i}.txt`, section: `Avsnitt ${i} ${'s'.repeat(3000)}`, title: `Dokument ${i}`, date: '2023-01-01' })),
  choices: Array.from({ length: 60 }, (_, i) => ({ label: `Val ${i} ${'x'.repeat(90)}`, value: 'y'.repeat(2500) })),
};

/** Every text object a block holds, with where it sits and its limit. */
function texts(block: SlackBlock): { text: string; max: number }[] {
  const b = block as unknown as {
    text?: { text: string };
    fields?: { text: string }[];
    elements?: { text?: string | { text: string }; value?: string }[];
  };
  const out: { text: string; max: number }[] = [];
  if (b.text) out.push({ text: b.text.text, max: 3000 });
  for (const f of b.fields ?? []) out.push({ text: f.text, max: 2000 });
  for (const e of b.elements ?? []) {
    if (typeof e.text === 'string') out.push({ text: e.text, max: 3000 });
    else if (e.text) out.push({ text: e.text.text, max: 75 });
    if (e.value !== undefined) out.push({ text: e.value, max: 2000 });
  }
  return out;
}

describe('Slack payloads stay within Block Kit limits for every kind of reply', () => {
  let app: TestApp;
  let replies: { label: string; reply: Reply }[];
  beforeAll(async () => {
    app = await startTestApp();
    replies = [...(await sampleReplies(app.core, 'slack')), ...EDGE_REPLIES, { label: 'mycket långt svar', reply: VERY_LONG }];
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('blocks ≤ 50, section text ≤ 3,000, fields ≤ 2,000, context ≤ 10 elements, fallback ≤ 4,000, unique action_id and block_id', () => {
    expect(replies.length).toBeGreaterThan(10);
    for (const { label, reply } of replies) {
      const { text, blocks } = renderBlocks(reply);
      const where = `${label}: `;
      expect(`${where}${blocks.length}`).toBe(`${where}${Math.min(blocks.length, 50)}`);
      expect(`${where}${text.length}`).toBe(`${where}${Math.min(text.length, FALLBACK_TEXT_MAX)}`);
      for (const block of blocks) {
        for (const t of texts(block)) expect(`${where}${t.text.length}`).toBe(`${where}${Math.min(t.text.length, t.max)}`);
        if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
        if (block.type === 'section' && block.fields) expect(block.fields.length).toBeLessThanOrEqual(10);
        if (block.type === 'actions') expect(block.elements.length).toBeLessThanOrEqual(25);
      }
      const actionIds = blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : undefined)) : []));
      expect(new Set(actionIds).size).toBe(actionIds.length);
      const blockIds = blocks.flatMap((b) => (b.block_id ? [b.block_id] : []));
      expect(new Set(blockIds).size).toBe(blockIds.length);
    }
  });

  it('says the same headline first in the fallback and the first block', () => {
    for (const { label, reply } of replies) {
      if (reply.text.trim() === '') continue;
      const { text, blocks } = renderBlocks(reply);
      const first = escapeMrkdwn(headline(reply.text));
      expect(`${label}: ${text.slice(0, first.length)}`).toBe(`${label}: ${first}`);
      const firstBlock = blocks[0] as { text?: { text: string } } | undefined;
      const firstText = firstBlock?.text?.text ?? '';
      expect(firstText.replace(/&amp;|&lt;|&gt;/g, '?').startsWith(headline(reply.text).replace(/[&<>]/g, '?'))).toBe(true);
    }
  });

  it('keeps the choice buttons of a very long reply and names each source document once, short', () => {
    const { text, blocks } = renderBlocks(VERY_LONG);
    expect(text.length).toBeLessThanOrEqual(FALLBACK_TEXT_MAX);
    expect(text.startsWith('Ja, det finns 120 mått.')).toBe(true);
    expect(blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.type === 'actions' ? b.elements : []))).toHaveLength(60);
    const long = EDGE_REPLIES.find((e) => e.label === 'långt svar med exempeldata')!.reply;
    const context = renderBlocks(long).blocks.filter((b) => b.type === 'context').flatMap((b) => (b.type === 'context' ? b.elements : []));
    const sourceTexts = context.map((e) => ('text' in e ? e.text : '')).filter((t) => /Bilaga/.test(t));
    expect(sourceTexts).toHaveLength(2);
    expect(sourceTexts[0]).toBe('Källor: Överenskommelse Samverkansplattform Vuxentorget (2020-01-24): Bilaga 1, Avsnitt om något · Bilaga 3, Avsnitt om något · Bilaga 5, Avsnitt om något · Bilaga 7, Avsnitt om något');
    expect(sourceTexts[1]).toMatch(/^Överenskommelse\/Verksamhetsplan 2023 och mötesplan 2023 \(2022-11-25\): /);
  });
});
