import { describe, expect, test } from '@jest/globals';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { PERSONNUMMER_WARNING } from '../../src/core/redactMiddleware.js';
import { loadData } from '../../src/data/load.js';
import { makeTestDeps, runSteps, transcript } from '../helpers/coreTestKit.js';

/** The real bot (all routes, bundled data) through botbuilder's TestAdapter. */
async function dataBot() {
  const deps = await makeTestDeps({ data: await loadData('data') });
  const core = createConversationCore(deps);
  return transcript((context) => core.bot.run(context));
}

/**
 * Issue 15 (finding 5) and issue 14: a personnummer typed while a dialog waits is removed, the user
 * is warned, and the dialog asks its current question again instead of being lost.
 */
describe('a personnummer instead of an answer', () => {
  test('a choice that narrows an answer: warning, the same choices again, and the choice still narrows', async () => {
    const t = await dataBot();
    const first = await t.say('Vad åtar sig Arbetsförmedlingen?');
    const question = first.at(-1) ?? '';
    expect(question).toMatch(/1\) /u);
    await runSteps(t.say, [['pnr: 811218\u20139876', [PERSONNUMMER_WARNING, question]]]);
    const [narrowed] = await t.say('1');
    expect(narrowed).not.toMatch(/1\) /u);
    expect(narrowed).toContain('Arbetsförmedlingen');
  });

  test('the aktualisering check: warning, the same question, then the answer is taken', async () => {
    const t = await dataBot();
    const first = await t.say('Regionen vill aktualisera en person');
    const question = first.at(-1) ?? '';
    await runSteps(t.say, [
      ['\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18\uFF19\uFF18\uFF17\uFF16', [PERSONNUMMER_WARNING, question]],
      ['sjukpenning', ['Regionen ska först förankra med Försäkringskassan']],
    ]);
  });
});
