import { describe, expect, test } from '@jest/globals';
import { answerBatch, type BatchResult } from '../../../src/channels/cli/batch.js';
import type { ConversationCore, TurnInput } from '../../../src/core/conversationCore.js';

/** A core that echoes, so these tests are about the batch format, not the dialogs. */
function echoCore(): ConversationCore & { inputs: TurnInput[] } {
  const inputs: TurnInput[] = [];
  return {
    inputs,
    bot: undefined as never,
    async ask(input) {
      inputs.push(input);
      if (input.text === 'fel') throw new Error('boom');
      return [{ text: `svar på ${input.text ?? ''}` }, { text: 'mer', choices: [{ label: 'val' }] }];
    },
    async hasConversation() {
      return false;
    },
    async flush() {},
  };
}

async function collect(content: string, core = echoCore()): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const r of answerBatch(core, content)) out.push(r);
  return out;
}

describe('answerBatch', () => {
  test('one result per line, replies joined by a blank line, each in a fresh conversation with its own today', async () => {
    const core = echoCore();
    const results = await collect('{"id":"a","text":"ett"}\n\n{"id":2,"text":"två","today":"2023-02-01"}\r\n', core);
    expect(results).toEqual([
      { id: 'a', reply: 'svar på ett\n\nmer\n\n1) val' },
      { id: '2', reply: 'svar på två\n\nmer\n\n1) val' },
    ]);
    expect(core.inputs[0]?.conversationId).not.toBe(core.inputs[1]?.conversationId);
    expect(core.inputs.map((i) => i.today)).toEqual([undefined, '2023-02-01']);
  });

  test('bad lines give a Swedish error for that line and the rest continue', async () => {
    const results = await collect(
      ['not json', '{"id":"b"}', '{"id":"c","text":"hej","today":"igår"}', '{"id":"d","text":"fel"}', '{"id":"e","text":"sist"}'].join('\n'),
    );
    expect(results).toEqual([
      { id: null, reply: '', error: 'Rad 1: ogiltig JSON' },
      { id: 'b', reply: '', error: expect.stringMatching(/^Rad 2: text: /) },
      { id: 'c', reply: '', error: 'Rad 3: today: today måste vara ett datum ÅÅÅÅ-MM-DD' },
      { id: 'd', reply: '', error: 'Rad 4: kunde inte svara (Error)' },
      { id: 'e', reply: 'svar på sist\n\nmer\n\n1) val' },
    ]);
  });
});
