import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { openStateStore } from '../../src/state/store.js';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { TURN_ERROR_TEXT } from '../../src/core/bot.js';
import { PERSONNUMMER_WARNING } from '../../src/core/redactMiddleware.js';
import { renderTexts } from '../../src/core/renderText.js';
import { MAX_TEXT_LENGTH, tooLongText } from '../../src/core/textLimit.js';
import { FALLBACK_TEXT } from '../../dialogs/fallbackDialog.js';
import { HELP_QUESTION } from '../../dialogs/helpContent.js';
import { makeTestDeps, stateOnDisk, tempDir } from '../helpers/coreTestKit.js';
import { yearRoutes } from '../helpers/yearDialog.js';

const PNR = '811218-9876';
const SAMORDNINGSNUMMER = '197010632391';

async function coreOn(stateFile: string, today = '2026-11-23') {
  const deps = await makeTestDeps({ stateFile, today });
  const core = createConversationCore(deps, yearRoutes(deps));
  const say = async (text: string, conversationId = 'c1'): Promise<string> =>
    renderTexts(await core.ask({ channelId: 'web', conversationId, text }));
  return { deps, core, say };
}

describe('personnummer through the core', () => {
  test('is never in a reply, the state file or the log, and the user is warned', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const { core, deps, say } = await coreOn(stateFile);
    const replies: string[] = [];
    // The dialog answers from the first utterance: it must see the redacted one.
    replies.push(await say(`budget för ${PNR}`));
    replies.push(await say(`${SAMORDNINGSNUMMER}`));
    replies.push(await say('2024'));
    replies.push(renderTexts(await core.ask({ channelId: 'web', conversationId: 'c2', text: 'hej', value: { note: `pnr ${PNR}` } })));
    await core.flush();

    expect(replies[0]).toContain(PERSONNUMMER_WARNING);
    expect(replies[0]).toContain('budget: vilket år?');
    // A message holding only the number: the warning, then the open dialog asks its question again.
    expect(replies[1]).toBe(`${PERSONNUMMER_WARNING}\n\nbudget: vilket år? (2026-11-23)`);
    expect(replies[2]).toContain('budget för år 2024');
    expect(replies[3]).toContain(PERSONNUMMER_WARNING);

    const stateText = stateOnDisk(stateFile);
    const logText = deps.logLines.join('\n');
    for (const secret of [PNR, '8112189876', SAMORDNINGSNUMMER]) {
      expect(replies.join('\n')).not.toContain(secret);
      expect(stateText).not.toContain(secret);
      expect(logText).not.toContain(secret);
    }
    expect(logText).toContain('personnummer_redacted');
  });

  test('a message of only a number (with "pnr:") outside a dialog gets the warning and nothing else', async () => {
    const { say } = await coreOn(join(tempDir(), 'state.json'));
    expect(await say(`pnr: ${PNR}`)).toBe(PERSONNUMMER_WARNING);
    expect(await say(`Personnummer ${SAMORDNINGSNUMMER}.`)).toBe(PERSONNUMMER_WARNING);
  });

  test('the dialog sees the redacted text', async () => {
    const { say } = await coreOn(join(tempDir(), 'state.json'));
    // "2024" next to the number still answers in one turn: only the number itself is removed.
    expect(await say(`Budget 2024 för ${PNR}?`)).toContain('budget för år 2024');
  });
});

describe('restart', () => {
  test('a dialog half-way continues at the right step after the core and store are rebuilt', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await coreOn(stateFile);
    expect(await first.say('budget')).toContain('budget: vilket år?');
    expect(await first.say('hjälp', 'c2')).toContain(HELP_QUESTION);
    await first.core.flush();

    const second = await coreOn(stateFile);
    expect(await second.core.hasConversation('web', 'c1')).toBe(true);
    expect(await second.core.hasConversation('web', 'c2')).toBe(true);
    expect(await second.core.hasConversation('web', 'never-seen')).toBe(false);
    expect(await second.core.hasConversation('slack', 'c1')).toBe(false);
    expect(await second.say('2025')).toBe('budget för år 2025');
    expect(await second.say('4', 'c2')).toContain('Tertialsiffror och budget: ');

    // "börja om" after the restart still knows how the dialog was begun.
    expect(await second.say('budget')).toContain('vilket år?');
    const third = await coreOn(stateFile);
    expect(await third.say('börja om')).toContain('budget: vilket år?');
  });
});

describe('text length (issue 15, finding 3)', () => {
  test.each(['web', 'cli', 'slack', 'msteams', 'emulator'])('a message over 2,000 characters in %s gets the Swedish message, and the open dialog still waits', async (channelId) => {
    const { core } = await coreOn(join(tempDir(), 'state.json'));
    const ask = async (text: string) => renderTexts(await core.ask({ channelId, conversationId: 'long', text }));
    expect(await ask('budget')).toContain('budget: vilket år?');
    const answer = await ask(`budget 2024 ${'a'.repeat(200 * 1024)}`);
    expect(answer).toBe(tooLongText(200 * 1024 + 12));
    expect(answer).toContain('Meddelandet är för långt');
    expect(answer).toContain('högst 2\u00a0000');
    expect(await ask('2024')).toBe('budget för år 2024');
  });

  test('exactly 2,000 characters is read as usual', async () => {
    const { say } = await coreOn(join(tempDir(), 'state.json'));
    const text = `budget 2024 ${'x'.repeat(MAX_TEXT_LENGTH - 12)}`;
    expect(text).toHaveLength(MAX_TEXT_LENGTH);
    expect(await say(text)).toBe('budget för år 2024');
  });
});

describe('known conversations', () => {
  // Object.prototype's names are not conversations (issue 15, finding 11).
  test.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])('"%s" is not a known conversation, before or after other turns', async (id) => {
    const { core, say } = await coreOn(join(tempDir(), 'state.json'));
    expect(await core.hasConversation('web', id)).toBe(false);
    await say('hjälp', 'someone-else');
    expect(await core.hasConversation('web', id)).toBe(false);
    expect(await core.hasConversation(id, 'someone-else')).toBe(false);
  });

  test('a conversation named like a prototype member is kept as any other, in its own record', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await coreOn(stateFile);
    await first.say('hjälp', 'constructor');
    expect(await first.core.hasConversation('web', 'constructor')).toBe(true);
    await first.core.flush();
    // Stored in its own record (one file per conversation), read back through the store.
    const saved = await openStateStore(stateFile, { readOnly: true });
    expect(Object.keys(saved.read().conversations.web ?? {})).toEqual(['constructor']);
  });
});

describe('the core', () => {
  test('"today" of a turn is "now" for the dialogs', async () => {
    const { core } = await coreOn(join(tempDir(), 'state.json'));
    const replies = await core.ask({ channelId: 'cli', conversationId: 'x', text: 'budget', today: '2023-02-01' });
    expect(replies[0]?.text).toContain('(2023-02-01)');
  });

  test('a conversation start is greeted', async () => {
    const { core } = await coreOn(join(tempDir(), 'state.json'));
    const replies = await core.ask({ channelId: 'web', conversationId: 'new', kind: 'conversationStart' });
    expect(replies[0]?.text).toContain('Jag är Samverkansboten');
    expect(replies[0]?.choices?.length).toBeGreaterThan(0);
  });

  test('replies carry the Reply model, not only text', async () => {
    const { core } = await coreOn(join(tempDir(), 'state.json'));
    const [overview, prompt] = await core.ask({ channelId: 'web', conversationId: 'r', text: 'hjälp' });
    expect(overview?.facts).toHaveLength(5);
    expect(prompt?.choices?.map((c) => c.label)).toContain('Åtaganden och kontakter');
  });

  test('turns of one conversation sent at once are run one after the other', async () => {
    const { core } = await coreOn(join(tempDir(), 'state.json'));
    const ask = (text: string) => core.ask({ channelId: 'web', conversationId: 'busy', text });
    const [a, b] = await Promise.all([ask('budget'), ask('2026')]);
    expect(a[0]?.text).toContain('vilket år?');
    expect(b[0]?.text).toBe('budget för år 2026');
  });

  test('a failing turn apologises, logs without text and leaves the conversation usable', async () => {
    const { deps, say } = await coreOn(join(tempDir(), 'state.json'));
    expect(await say('krascha budget')).toBe(TURN_ERROR_TEXT);
    expect(await say('budget 2021')).toBe('budget för år 2021');
    // Failing half-way: the broken dialog state is dropped, so "2020" is no longer an answer to it.
    expect(await say('budget')).toContain('vilket år?');
    expect(await say('krascha')).toBe(TURN_ERROR_TEXT);
    expect(await say('2020')).toBe(FALLBACK_TEXT);
    const failure = deps.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'turn_failed');
    expect(failure).toMatchObject({ level: 'error', conversationId: 'c1', errorMessage: 'planned failure' });
    expect(JSON.stringify(failure)).not.toContain('krascha budget');
  });
});
