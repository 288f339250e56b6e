import { beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import { renderShapedAll, renderText } from '../../src/core/renderText.js';
import type { Reply } from '../../src/core/reply.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { aktualiseringScore } from '../../src/domain/aktualisering/recognize.js';
import { lexiconFor } from '../../src/domain/aktualisering/extract.js';
import { AktualiseringDialog } from '../../dialogs/aktualiseringDialog.js';
import { CANCELLED_TEXT, RESTART_TEXT } from '../../dialogs/cancelAndHelpDialog.js';
import { STALE_CHOICE_TEXT } from '../../dialogs/staleChoices.js';
import type { Route } from '../../dialogs/routes.js';
import { makeTestDeps, stateOnDisk, tempDir } from '../helpers/coreTestKit.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
});

type Deps = Awaited<ReturnType<typeof makeTestDeps>>;

/** The conversation core with only the aktualisering route (so other features' routing does not interfere), on a state file. */
async function makeCore(stateFile = join(tempDir(), 'state.json')): Promise<{ core: ConversationCore; deps: Deps; stateFile: string }> {
  const deps = await makeTestDeps({ stateFile, data });
  const route: Route = {
    id: 'aktualisering',
    dialog: new AktualiseringDialog(deps),
    recognize: ({ understanding }) => aktualiseringScore(understanding, lexiconFor(deps.data)),
    label: 'Aktualiseringscheck',
  };
  return { core: createConversationCore(deps, { routes: [route] }), deps, stateFile };
}

function chat(core: ConversationCore, conversationId = 'c1') {
  return async (text: string): Promise<{ text: string; replies: Reply[] }> => {
    const replies = await core.ask({ channelId: 'test', conversationId, text });
    return { text: replies.map(renderText).join('\n\n'), replies };
  };
}

/** The förankring block of an answer (from "Förankring" up to the next blank line). */
function forankringOf(text: string): string {
  return text.match(/Förankring:[\s\S]*?(?=\n\n)/)?.[0] ?? '';
}

const ONE_SHOT = 'Regionen vill aktualisera en person med sjukpenning — vem förankrar?';
const FK_LINE = 'Regionen ska först förankra med Försäkringskassan innan aktualisering sker';

describe('AktualiseringDialog through the real dialog stack', () => {
  test('one-shot: the first reply holds förankring, path and sources, then asks for samtycke', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    const first = await say(ONE_SHOT);
    expect(first.replies).toHaveLength(1);
    expect(first.text).toContain(FK_LINE);
    expect(first.text).toContain('Gemensam kartläggning');
    expect(first.text).toContain('Källa: Överenskommelse/Verksamhetsplan 2023');
    expect(first.text.indexOf('samtycke')).toBeLessThan(first.text.indexOf('Förankring'));
    expect(first.replies[0]?.choices?.map((c) => c.label)).toEqual(['Ja', 'Nej', 'Vet inte']);
    const done = await say('ja');
    expect(done.text).toContain('Samtycke finns');
    expect(done.text).toContain(FK_LINE);
    expect(done.replies[0]?.choices).toBeUndefined();
  });

  test('step by step: general rules first, one question at a time, free text understood; same answer as one-shot', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    const first = await say('Vem ska förankra innan aktualisering?');
    expect(first.text).toContain('Regionen: vid sjukpenning eller aktivitetsersättning förankra med Försäkringskassan');
    expect(first.text).toContain('Vem aktualiserar');
    const party = await say('1');
    expect(party.text).toContain('Om personen har sjukpenning eller aktivitetsersättning');
    expect(party.text).toContain('Vilken ersättning har personen?');
    const benefit = await say('hon har sjukpenning och är 31');
    expect(benefit.text).toContain('Har individen lämnat samtycke');
    expect(benefit.text).toContain('Ålder: 31 år');
    const done = await say('ja');

    const { core: other } = await makeCore();
    const oneShot = await chat(other)(`${ONE_SHOT} Hon har gett samtycke.`);
    expect(forankringOf(done.text)).toBe(forankringOf(oneShot.text));
    expect(forankringOf(done.text)).toContain(FK_LINE);
  });

  test('"avbryt" ends the dialog; the next message is a new question', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    await say('Regionen vill aktualisera en person');
    expect((await say('avbryt')).text).toBe(CANCELLED_TEXT);
    const again = await say('sjukpenning');
    expect(again.text).not.toContain(FK_LINE);
  });

  test('"börja om" starts from the first question; "tillbaka" asks the previous question again', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    await say('Regionen vill aktualisera en person');
    const back = await say('sjukpenning');
    expect(back.text).toContain('Har individen lämnat samtycke');
    const previous = await say('tillbaka');
    expect(previous.text).toContain('Okej, ett steg tillbaka.');
    expect(previous.text).toContain('Vilken ersättning har personen?');
    const fsst = await say('försörjningsstöd');
    expect(fsst.text).toContain('försörjningsstödshandläggare');
    expect(fsst.text).not.toContain(FK_LINE);
    const restart = await say('börja om');
    expect(restart.text).toContain(RESTART_TEXT);
    expect(restart.text).toContain('Vem aktualiserar');
  });

  test('"hjälp" mid-dialog explains and asks the same question again', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    await say('Regionen vill aktualisera en person');
    const help = await say('hjälp');
    expect(help.text).toContain('tillbaka');
    expect(help.text).toContain('Vilken ersättning har personen?');
  });

  test('a new question instead of an answer is routed anew', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    await say('Regionen vill aktualisera en person');
    const fit = await say('Kan en 23-åring aktualiseras till Vuxentorget?');
    expect(fit.text).toContain('Nej – en 23-åring ingår inte i Vuxentorgets målgrupp');
  });

  test('general questions answer in one reply and end', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    const consent = await say('Behöver individen lämna samtycke innan parterna utbyter uppgifter?');
    expect(consent.text).toContain('Ja – individen måste lämna samtycke');
    expect(consent.text).toContain('Bilaga 3');
    expect(consent.replies[0]?.choices).toBeUndefined();
    const fit = await say('Kan en 23-åring aktualiseras till Vuxentorget?');
    expect(fit.text).toContain('25–64 år');
    expect(fit.text).toContain('Källa: Överenskommelse Samverkansplattform Vuxentorget (2020), 6. Vuxentorget\'s målgrupper');
    expect(fit.replies[0]?.choices).toBeUndefined();
  });

  test('Samverkansteam Finnveden step by step: benefit, residence and each exclusion asked, then the verdict', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    expect((await say('Kan en 30-åring aktualiseras till Samverkansteam Finnveden?')).text).toContain('Vilken ersättning har personen?');
    expect((await say('aktivitetsersättning')).text).toContain('I vilken kommun bor personen?');
    expect((await say('Varnamo')).text).toContain('aktivt missbruk');
    expect((await say('nej')).text).toContain('medicinska eller sociala hinder');
    const done = await say('2');
    expect(done.text).toContain('Ja – en 30-åring ryms i Samverkansteam Finnvedens målgrupp');
    expect(done.text).toContain('Källa: Uppdragsavtal Samverkansteam Finnveden 2021–2022, § 3 Målgrupp');
    expect(done.replies[0]?.choices).toBeUndefined();
  });

  test('a restart of the server mid-dialog continues where the user was (same state file)', async () => {
    const first = await makeCore();
    await chat(first.core)('Regionen vill aktualisera en person');
    await first.core.flush();
    const second = await makeCore(first.stateFile);
    const after = await chat(second.core)('sjukpenning');
    expect(after.text).toContain(FK_LINE);
    expect(after.text).toContain('Har individen lämnat samtycke');
  });

  test('case facts are gone from the state file when the dialog ends', async () => {
    const { core, stateFile } = await makeCore();
    const say = chat(core);
    await say(ONE_SHOT);
    await core.flush();
    expect(stateOnDisk(stateFile)).toContain('sjukpenning');
    await say('ja');
    await core.flush();
    const state = stateOnDisk(stateFile);
    expect(state).not.toContain('sjukpenning');
    expect(state).not.toContain('referringParty');
  });

  test('a personnummer typed mid-dialog never reaches a reply, the state file or the log', async () => {
    const { core, deps, stateFile } = await makeCore();
    const say = chat(core);
    await say('Regionen vill aktualisera en person');
    const numbers = ['19900101-1239', '900101-1239'];
    const warned = await say(`Hon har sjukpenning, pnr ${numbers[0] ?? ''}`);
    expect(warned.text).toContain('Skriv inte personnummer');
    expect(warned.text).toContain(FK_LINE);
    const alone = await say(numbers[1] ?? '');
    expect(alone.text).toContain('Skriv inte personnummer');
    await core.flush();
    const stored = stateOnDisk(stateFile);
    const logged = deps.logLines.join('\n');
    for (const n of numbers) {
      for (const form of [n, n.replace('-', '')]) {
        expect(warned.text).not.toContain(form);
        expect(stored).not.toContain(form);
        expect(logged).not.toContain(form);
      }
    }
    // The dialog is still waiting for its question after the warning.
    expect((await say('ja')).text).toContain('Samtycke finns');
  });

  test('a message of only a personnummer mid-dialog: the warning, the same question again, and the case goes on', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    const asked = await say('Regionen vill aktualisera en person');
    const question = asked.replies.at(-1)?.text.split('\n\n').at(-1) ?? '';
    expect(question).toContain('?');
    const again = await say('pnr 19900101\u20131239');
    expect(again.replies[0]?.text).toContain('Skriv inte personnummer');
    expect(again.replies.at(-1)?.text).toContain(question);
    expect(again.replies.at(-1)?.choices).toEqual(asked.replies.at(-1)?.choices);
    expect(again.text).not.toContain('förstod jag inte');
    expect((await say('sjukpenning')).text).toContain(FK_LINE);
  });

  test('never asks for a name or personnummer', async () => {
    const { core } = await makeCore();
    const say = chat(core);
    const texts = [
      (await say('Vem ska förankra innan aktualisering?')).text,
      (await say('Regionen')).text,
      (await say('sjukpenning')).text,
      (await say('vet inte')).text,
    ];
    for (const t of texts) expect(t).not.toMatch(/vad heter|namn\?|personnummer\?/i);
  });
});

describe('AktualiseringDialog step shape (issue 14)', () => {
  test('the consent rule is said once per dialog, and every step shows at most 12 lines in the terminal shape', async () => {
    const { core } = await makeCore();
    const steps = ['Vem ska förankra innan aktualisering?', '1', 'hon har sjukpenning och är 31', 'ja'];
    let consentSaid = 0;
    for (const text of steps) {
      const replies = await core.ask({ channelId: 'test', conversationId: 'shape', text });
      const shown = renderShapedAll(replies).shown;
      consentSaid += (shown.match(/Först samtycke/gu) ?? []).length;
      expect(shown.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(12);
    }
    expect(consentSaid).toBe(1);
  });
});

describe('a choice pressed after its dialog ended (issue 14)', () => {
  test('gets "Den frågan är avslutad – vill du börja om?" with a button, never a search answer; a new question clears it', async () => {
    const { core } = await makeCore();
    const say = chat(core, 'stale');
    const asked = await say(ONE_SHOT);
    expect(asked.replies[0]?.choices?.map((c) => c.label)).toEqual(['Ja', 'Nej', 'Vet inte']);
    await say('ja');
    const late = await say('Nej');
    expect(late.replies).toHaveLength(1);
    expect(late.replies[0]?.text).toBe(STALE_CHOICE_TEXT);
    expect(late.replies[0]?.choices?.map((c) => c.label)).toEqual(['Börja om']);
  });

  test('a cancelled dialog\'s buttons are stale too, and after a new question the same word is read as usual', async () => {
    const { core } = await makeCore();
    const say = chat(core, 'stale2');
    await say(ONE_SHOT);
    await say('avbryt');
    expect((await say('Vet inte')).replies[0]?.text).toBe(STALE_CHOICE_TEXT);
    await say(ONE_SHOT);
    await say('ja');
    await say('Vem ska förankra om personen har aktivitetsersättning och Regionen aktualiserar?');
    expect((await say('ja')).replies[0]?.text).not.toBe(STALE_CHOICE_TEXT);
  });
});
