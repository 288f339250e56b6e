import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { renderTexts } from '../../src/core/renderText.js';
import { loadData } from '../../src/data/load.js';
import { OTHER_READING_TEXT } from '../../dialogs/clarifyDialog.js';
import { makeTestDeps, stateOnDisk, tempDir } from '../helpers/coreTestKit.js';

/**
 * Issue 15, finding 5: what the user wrote is never kept in the state file, only what the dialogs
 * extracted from it. Each utterance carries made-up words that appear nowhere in data/ or in a
 * reply, so finding one in the file means the utterance itself was stored.
 */
const MARKERS = ['Zorbulex', 'Quintavagen', 'Plimsoddy', 'Vexterhult', 'Krandolin', 'Ossiprax'];

async function realCore(stateFile = join(tempDir(), 'state.json')) {
  const deps = await makeTestDeps({ stateFile, data: await loadData(join(process.cwd(), 'data')) });
  const core = createConversationCore(deps);
  const say = async (text: string, conversationId = 'c1'): Promise<string> =>
    renderTexts(await core.ask({ channelId: 'web', conversationId, text }));
  const stored = async (): Promise<string> => {
    await core.flush();
    // The state file and the per-conversation records beside it.
    return stateOnDisk(stateFile);
  };
  return { core, say, stored, stateFile };
}

function expectNoMarkers(text: string): void {
  for (const m of MARKERS) expect(text.toLowerCase()).not.toContain(m.toLowerCase());
}

describe('dialog state holds no utterance text', () => {
  test('a multi-turn aktualisering dialog: the file has the facts, never the words', async () => {
    const { say, stored } = await realCore();
    const first = await say('Regionen vill aktualisera en person som heter Zorbulex och bor på Quintavagen');
    expect(first).toContain('?');
    let state = await stored();
    expect(state).toContain('"referringParty"');
    expectNoMarkers(state);

    const second = await say('hon har sjukpenning, Plimsoddy sa det');
    expect(second).toContain('samtycke');
    state = await stored();
    expect(state).toContain('sjukpenning');
    expectNoMarkers(state);

    // "börja om" keeps how the dialog began, not what was typed.
    expect(await say('börja om')).toContain('vi börjar om');
    expectNoMarkers(await stored());
    await say('Vexterhult ja');
    expectNoMarkers(await stored());
  });

  test('a question answered with choices to narrow it down: the choice still narrows, the file has no words', async () => {
    const { core, stored } = await realCore();
    const ask = (text: string) => core.ask({ channelId: 'web', conversationId: 'c2', text });
    const answer = await ask('Vad åtar sig Arbetsförmedlingen? Krandolin undrar');
    const choices = answer.at(-1)?.choices ?? [];
    expect(choices.length).toBeGreaterThan(1);
    expectNoMarkers(await stored());
    const narrowed = await ask(choices[0]?.label ?? '');
    expect(narrowed.at(-1)?.choices).toBeUndefined();
    expect(renderTexts(narrowed)).toContain(choices[0]?.label ?? '-');
    expectNoMarkers(await stored());
  });

  test('a second reading offered after the answer: choosing it answers the first question, and the file has no words', async () => {
    const { core, stored } = await realCore();
    const ask = (text: string) => core.ask({ channelId: 'web', conversationId: 'c3', text });
    // A budget row that also reads as a question about the parties (tests/dialogs/mainDialog.test.ts).
    const first = await ask('Ossiprax undrar: vad är Vännäs kommuns andel av medlemsavgifterna?');
    expect(first.at(-1)?.text).toContain(OTHER_READING_TEXT);
    let state = await stored();
    expectNoMarkers(state);
    expect(state).not.toMatch(/kommuns andel/iu);
    const chosen = await ask('1');
    // The chosen reading answers the question asked before (Vännäs), not the "1".
    expect(renderTexts(chosen)).toContain('Vännäs');
    state = await stored();
    expectNoMarkers(state);
    expect(state).not.toMatch(/kommuns andel/iu);
  });

  test('after a restart the question is gone from memory: the narrowing choice still answers, from the choice alone', async () => {
    const first = await realCore();
    const answer = await first.core.ask({ channelId: 'web', conversationId: 'c4', text: 'Vad åtar sig Arbetsförmedlingen?' });
    const choice = answer.at(-1)?.choices?.[0]?.label ?? '';
    expect(choice).not.toBe('');
    await first.core.flush();
    const second = await realCore(first.stateFile);
    const narrowed = await second.core.ask({ channelId: 'web', conversationId: 'c4', text: choice });
    expect(narrowed.at(-1)?.choices).toBeUndefined();
    expect(renderTexts(narrowed)).toContain(choice);
    expect(renderTexts(narrowed)).not.toContain('Något gick fel');
  });
});
