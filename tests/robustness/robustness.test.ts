import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ConversationState, MemoryStorage, UserState } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { buildFallback, buildRoutes } from '../../dialogs/routes.js';
import { SamverkansBot, TURN_ERROR_TEXT } from '../../src/core/bot.js';
import { fixedDayClock } from '../../src/core/clock.js';
import { activityFromInput } from '../../src/core/conversationCore.js';
import { LocalAdapter } from '../../src/core/localAdapter.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { renderText } from '../../src/core/renderText.js';
import { repliesFromActivities } from '../../src/core/sendReply.js';
import { loadData } from '../../src/data/load.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';
import { personnummerLike, seededRandom, utterance } from './utterances.js';

const COUNT = 10_000;
const SEED = 20261123;
/** Conversations the utterances are spread over, so multi-turn dialogs (prompts, choices) get odd answers too. */
const CONVERSATIONS = 40;

// A reply is Swedish when it has a Swedish letter or one of the commonest Swedish words.
const SWEDISH = /[åäöÅÄÖ]|\b(och|att|det|jag|är|för|på|med|som|en|ett|inte|du|om|kan|vill|skriv|eller|finns|vilken|källa)\b/iu;
// Text that must never reach a user: programming errors and English error messages.
const LEAKS = /\b(undefined|NaN|TypeError|ReferenceError|SyntaxError|exception|stack trace|Internal Server Error|Something went wrong|error:)|\[object Object\]/iu;

describe('robustness: generated utterances through the real dialog stack', () => {
  test('the generator is seeded and makes valid-looking personnummer', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(personnummerLike(seededRandom(7))).toMatch(/^\d{6,8}-?\d{4}$/u);
  });

  test(`${COUNT} utterances: no exception, every reply non-empty and Swedish, no personnummer echoed`, async () => {
    const data = await loadData(join(process.cwd(), 'data'));
    const state = await openStateStore(join(tempDir('robust-'), 'state.json'));
    // The real bot (redaction, MainDialog, every route, the search fallback) on the LocalAdapter the
    // CLI and web use; dialog state in memory so the test measures the dialogs, not the disk.
    const { logger, lines: errorLog } = createMemoryLogger('error');
    const deps = { data, clock: fixedDayClock('2026-11-23'), state, log: logger };
    const storage = new MemoryStorage();
    const bot = new SamverkansBot(new ConversationState(storage), new UserState(storage), new MainDialog(deps, buildRoutes(deps), buildFallback(deps)), logger);
    const adapter = new LocalAdapter();
    const ask = async (conversationId: string, text: string) => {
      const sent = await adapter.processActivity(activityFromInput({ channelId: 'robust', conversationId, text }, new Date()), (context) => bot.run(context));
      return repliesFromActivities(sent);
    };
    const rnd = seededRandom(SEED);
    const problems: string[] = [];
    for (let i = 0; i < COUNT && problems.length < 10; i += 1) {
      const { kind, text } = utterance(rnd);
      const label = `#${i} (${kind}) ${JSON.stringify(text.slice(0, 80))}`;
      try {
        const replies = await ask(`c${i % CONVERSATIONS}`, text);
        const rendered = replies.map(renderText);
        // The bot catches a failing turn and apologises: that is an exception too.
        if (rendered.some((r) => r.includes(TURN_ERROR_TEXT))) problems.push(`${label}: turn failed: ${errorLog.slice(-1).join('')}`);
        // An utterance that is only whitespace is not a message; the bot may stay silent.
        if (rendered.length === 0 && text.trim() !== '') problems.push(`${label}: no reply`);
        for (const r of rendered) {
          if (r.trim() === '') problems.push(`${label}: empty reply`);
          else if (!SWEDISH.test(r)) problems.push(`${label}: not Swedish: ${r.slice(0, 120)}`);
          if (LEAKS.test(r)) problems.push(`${label}: leaks an error: ${r.slice(0, 160)}`);
        }
        if (kind === 'personnummer') {
          const digits = /\d{6,8}[-]?\d{4}/u.exec(text)?.[0];
          if (digits && rendered.some((r) => r.includes(digits))) problems.push(`${label}: personnummer echoed`);
        }
      } catch (error) {
        problems.push(`${label}: threw ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
    await state.flush();
    expect(problems).toEqual([]);
  }, 900_000);
});
