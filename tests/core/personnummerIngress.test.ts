import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { PERSONNUMMER_WARNING } from '../../src/core/redactMiddleware.js';
import { renderTexts } from '../../src/core/renderText.js';
import { loadData } from '../../src/data/load.js';
import { makeTestDeps, tempDir } from '../helpers/coreTestKit.js';
import { PNR_FORMS, leaksIn } from '../helpers/personnummerForms.js';

/**
 * Issue 15, finding 5: every written form of a personnummer in tests/helpers/personnummerForms.ts,
 * sent through the real conversation core (all routes, bundled data, a state file on disk), is
 * removed before anything sees it: the user is warned, and the number is in no reply, not in the
 * state file and not in the log.
 */
describe('personnummer in every written form, through the real core', () => {
  test('the leak check itself finds every form', () => {
    for (const form of PNR_FORMS) expect(leaksIn(`svar: ${form.typed}.`, [form])).not.toEqual([]);
  });

  test(`${PNR_FORMS.length} forms in a question and alone mid-dialog: warned, never in a reply, the state file or the log`, async () => {
    const stateFile = join(tempDir(), 'state.json');
    const deps = await makeTestDeps({ stateFile, data: await loadData(join(process.cwd(), 'data')) });
    const core = createConversationCore(deps);
    const replies: string[] = [];
    const unwarned: string[] = [];
    for (const [i, form] of PNR_FORMS.entries()) {
      // In a question that starts a dialog (the aktualisering check asks for the benefit next) …
      const asked = renderTexts(await core.ask({ channelId: 'web', conversationId: `q${i}`, text: `Regionen vill aktualisera ${form.typed}, vem förankrar?` }));
      // … and alone, while that dialog waits for its answer.
      const alone = renderTexts(await core.ask({ channelId: 'web', conversationId: `q${i}`, text: form.typed }));
      for (const reply of [asked, alone]) if (!reply.startsWith(PERSONNUMMER_WARNING)) unwarned.push(form.name);
      replies.push(asked, alone);
    }
    await core.flush();
    expect(unwarned).toEqual([]);
    expect(leaksIn(replies.join('\n'), PNR_FORMS)).toEqual([]);
    expect(leaksIn(readFileSync(stateFile, 'utf8'), PNR_FORMS)).toEqual([]);
    expect(leaksIn(deps.logLines.join('\n'), PNR_FORMS)).toEqual([]);
    expect(deps.logLines.filter((l) => l.includes('personnummer_redacted'))).toHaveLength(PNR_FORMS.length * 2);
  });
});
