import { join } from 'node:path';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { renderTexts } from '../../src/core/renderText.js';
import { loadData } from '../../src/data/load.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

async function core() {
  const { logger } = createMemoryLogger('error');
  const state = await openStateStore(join(tempDir(), 'state.json'));
  return createConversationCore({ data: await loadData('data'), state, clock: fixedDayClock('2026-11-23'), log: logger });
}

const steps: [string, RegExp[]][] = [
  ['Vad är Vuxentorgets budget 2023?', [/^Vuxentorget 2023: 2 190 tkr \(budgeterad kostnad\)\./, /Källa: Överenskommelse\/Verksamhetsplan 2023 .*, Bilaga 6, Samordningsförbundets budget/]],
  ['budget Ungdomstorget 2024', [/Ungdomstorget 2024: 2 600 tkr/]],
  ['Ungdomstorget budget 2023', [/2 860 tkr/, /Avstämd siffra .*"-2 BeO"/]],
  ['Budget för Samordningsteamet i Vännäs 2025', [/460 tkr.*osäker/, /Obs! En eller flera siffror är osäkra/, /Möjliga värden: 460 eller 360 tkr/]],
  ['resultat 2024', [/Resultat 2024: -595 tkr/, /tryckt "-545"/]],
  ['eget kapital 2023', [/Eget kapital vid årets början: 2023: 2 096 tkr/, /Eget kapital vid årets slut: 2023: 946 tkr/]],
  ['Finnvedens budget 2022', [/Totalt: 2022: 3 048 000 kr/, /Källa: Uppdragsavtal Samverkansteam Finnveden 2021–2022/]],
];

describe('BudgetDialog through the real core (each question a fresh conversation)', () => {
  it.each(steps)('%s', async (question, expected) => {
    const c = await core();
    const text = renderTexts(await c.ask({ channelId: 'web', conversationId: `c-${question}`, text: question }));
    for (const re of expected) expect(text).toMatch(re);
  });
});
