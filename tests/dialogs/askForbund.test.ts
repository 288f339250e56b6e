/**
 * Ask once: where nothing says which förbund a conversation belongs to (no FORBUND_CHANNELS
 * entry, no DEFAULT_FORBUND, no `default: true` in data/) and more than one förbund is loaded,
 * the bot asks which one, remembers the choice in the conversation state and answers the question.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHOOSE_FORBUND_RETRY_TEXT, WHICH_FORBUND_TEXT } from '../../dialogs/forbundChoiceDialog.js';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import type { Reply } from '../../src/core/reply.js';
import { renderTexts } from '../../src/core/renderText.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { hasDeploymentDefault } from '../../src/domain/forbund.js';
import { makeTestDeps, stateOnDisk, tempDir } from '../helpers/coreTestKit.js';

const QUESTION = 'Vilka är parterna?';
let dir: string;
let noDefault: AgreementData;

beforeAll(async () => {
  // data/ copied without its default förbund (the bundled data marks Umeåregionen `default: true`).
  dir = await mkdtemp(path.join(os.tmpdir(), 'svb-nodefault-'));
  await cp('data', dir, { recursive: true });
  const file = path.join(dir, 'umearegionen', 'forbund.json');
  const records = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
  for (const r of records) delete r.default;
  await writeFile(file, JSON.stringify(records, null, 2));
  noDefault = await loadData(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function coreWith(data: AgreementData, stateFile = path.join(tempDir(), 'state.json'), channels?: string) {
  const deps = await makeTestDeps({ data, stateFile });
  const core = createConversationCore({ ...deps, ...(channels ? { forbundChannels: { slack: {}, teams: {}, web: channels } } : {}) });
  return { core, stateFile };
}

const ask = (core: ConversationCore, text: string, conversationId = 'c1'): Promise<Reply[]> =>
  core.ask({ channelId: 'web', conversationId, text });

describe('which förbund: asked once when nothing decides', () => {
  it('asks which förbund, answers the question from the chosen one, and does not ask again in that conversation', async () => {
    expect(hasDeploymentDefault(noDefault)).toBe(false);
    const { core, stateFile } = await coreWith(noDefault);
    const [asked, ...rest] = await ask(core, QUESTION);
    expect(rest).toEqual([]);
    expect(asked?.text).toBe(WHICH_FORBUND_TEXT);
    expect(asked?.choices?.map((c) => c.value)).toEqual(noDefault.forbund.map((f) => f.id));

    const answered = renderTexts(await ask(core, 'Finnveden'));
    expect(answered).toMatch(/Region Jönköpings län/);
    expect(answered).toMatch(/Källa: Uppdragsavtal Samverkansteam Finnveden/);
    expect(answered).not.toMatch(/Region Västerbotten/);

    // Remembered: the next question is answered at once, from the same förbund.
    const next = await ask(core, 'Vem kontaktar jag på psykiatrin?');
    expect(renderTexts(next)).not.toContain(WHICH_FORBUND_TEXT);
    expect(renderTexts(next)).toMatch(/Region Jönköpings län/);
    // A question naming the other förbund's verksamhet is still answered from that förbund.
    expect(renderTexts(await ask(core, 'Vilka är parterna i Vuxentorget?'))).toMatch(/Region Västerbotten/);

    // The choice is in the conversation state (an id from data/), never the question asked.
    await core.flush();
    const onDisk = stateOnDisk(stateFile);
    expect(onDisk).toContain('"forbund":"finnveden"');
    expect(onDisk).not.toContain(QUESTION);
  });

  it('remembers the choice across a restart (the conversation state is on disk)', async () => {
    const first = await coreWith(noDefault);
    await ask(first.core, QUESTION, 'c2');
    expect(renderTexts(await ask(first.core, 'Finnvedens samordningsförbund', 'c2'))).toMatch(/Region Jönköpings län/);
    await first.core.flush();
    const again = await coreWith(noDefault, first.stateFile);
    const reply = renderTexts(await ask(again.core, QUESTION, 'c2'));
    expect(reply).not.toContain(WHICH_FORBUND_TEXT);
    expect(reply).toMatch(/Region Jönköpings län/);
    // Another conversation is asked for itself.
    expect((await ask(again.core, QUESTION, 'c2b'))[0]?.text).toBe(WHICH_FORBUND_TEXT);
  });

  it('re-asks on an answer that is no förbund, takes a number, and cancels on "avbryt" (asked again next time)', async () => {
    const { core } = await coreWith(noDefault);
    await ask(core, QUESTION, 'c3');
    const retry = await ask(core, 'vet inte', 'c3');
    expect(retry[0]?.text).toBe(CHOOSE_FORBUND_RETRY_TEXT);
    expect(retry[0]?.choices).toHaveLength(noDefault.forbund.length);
    // The choice by its number: the second förbund in data/.
    const second = noDefault.forbund[1];
    expect(second?.id).toBe('umearegionen');
    expect(renderTexts(await ask(core, '2', 'c3'))).toMatch(/Region Västerbotten/);
    await ask(core, QUESTION, 'c3b');
    expect(renderTexts(await ask(core, 'avbryt', 'c3b'))).toMatch(/avbröt/);
    expect((await ask(core, QUESTION, 'c3b'))[0]?.text).toBe(WHICH_FORBUND_TEXT);
  });

  it('does not ask when the question names a förbund, when the channel is configured, or when the data has a default', async () => {
    const { core } = await coreWith(noDefault);
    expect(renderTexts(await ask(core, 'Vilka är parterna i Finnveden?', 'c4'))).toMatch(/Region Jönköpings län/);
    const configured = await coreWith(noDefault, undefined, 'finnveden');
    expect(renderTexts(await ask(configured.core, QUESTION, 'c5'))).toMatch(/Region Jönköpings län/);
    const bundled = await coreWith(await loadData('data'));
    const plain = renderTexts(await ask(bundled.core, QUESTION, 'c6'));
    expect(plain).not.toContain(WHICH_FORBUND_TEXT);
    expect(plain).toMatch(/Region Västerbotten/);
  });
});

describe('a conversation that belongs to a förbund is answered from that förbund', () => {
  it('answers from the conversation\'s förbund only, and from another when the question names it', async () => {
    const deps = await makeTestDeps({ data: await loadData('data'), stateFile: path.join(tempDir(), 'state.json') });
    const core = createConversationCore(deps);
    const data = deps.data;
    const other = data.forbund.find((f) => !f.default);
    const home = data.forbund.find((f) => f.default);
    expect(other && home).toBeTruthy();
    const said = async (text: string) => renderTexts(await core.ask({ channelId: 'cli', conversationId: `scope-${text}`, text, channelData: { forbund: other?.id ?? '' } }));
    // A question naming no förbund: the other förbund's målgrupp, none of the default's verksamheter.
    const homeVerksamheter = data.verksamheter.filter((v) => v.forbund === home?.id).map((v) => v.name);
    const answer = await said('Vem är målgruppen?');
    for (const name of homeVerksamheter) expect(answer).not.toContain(name);
    // Naming the default förbund's verksamhet answers from it.
    const named = data.verksamheter.find((v) => v.forbund === home?.id && v.malgrupp.length > 0);
    expect(await said(`Vilken målgrupp har ${named?.name ?? ''}?`)).toContain(named?.name ?? '');
  });
});
