import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { CANCELLED_TEXT } from '../../dialogs/cancelAndHelpDialog.js';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { makeTestDeps, runSteps, transcript, type Steps } from '../helpers/coreTestKit.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
});

/** A conversation with the real bot (all routes, search fallback) over the curated data. */
async function bot() {
  const deps = await makeTestDeps({ data });
  const core = createConversationCore(deps);
  return transcript((context) => core.bot.run(context));
}

/**
 * Each question in a fresh conversation: the first reply must hold the facts and a source
 * (MainDialog may add further passages after it).
 */
async function oneShot(steps: Steps): Promise<void> {
  for (const [question, expected] of steps) {
    const t = await bot();
    const [reply = ''] = await t.say(question);
    for (const part of expected) {
      if (!reply.includes(part)) throw new Error(`"${question}": the first reply lacks "${part}":\n${reply}`);
    }
    expect(reply).toContain('Källa: ');
  }
}

/** The first reply of a turn in an ongoing conversation. */
async function first(t: Awaited<ReturnType<typeof bot>>, text: string): Promise<string> {
  const [reply = ''] = await t.say(text);
  return reply;
}

describe('Åtaganden (atagandenDialog)', () => {
  test('with and without å/ä/ö, abbreviations and a typo', async () => {
    await oneShot([
      ['Vad åtar sig Arbetsförmedlingen i Vuxentorget?', ['10 timmar']],
      ['vad atar sig arbetsformedlingen i vuxentorget', ['10 timmar']],
      ['Vad åtar sig AF i VT?', ['10 timmar']],
      ['Vad åtar sig Arbetsförmedlignen i Vuxentorget?', ['10 timmar']],
      ['Hur bemannar psykiatrin Vuxentorget?', ['arbetsterapeut']],
      ['hur bemannar psyk vt', ['psykolog']],
    ]);
  });

  test('no party named: answers for all parties first, then narrows to the chosen one', async () => {
    const t = await bot();
    const opening = await first(t, 'Vad åtar sig parterna i Vuxentorget?');
    expect(opening).toContain('Arbetsförmedlingen');
    expect(opening).toContain('Vilken part');
    expect(opening).toMatch(/\n1\) /u);
    const narrowed = await first(t, 'Forsakringskassan');
    expect(narrowed).toContain('personliga handläggare');
    expect(narrowed).toContain('Källa: ');
  });

  test('"avbryt" at the choice ends the dialog; a new question at the choice is answered', async () => {
    const t = await bot();
    await t.say('Vad åtar sig parterna i Vuxentorget?');
    await runSteps(t.say, [['avbryt', [CANCELLED_TEXT]]]);
    await t.say('Vad åtar sig parterna i Vuxentorget?');
    expect(await first(t, 'Vad är Försäkringskassans organisationsnummer?')).toContain('202100-5521');
  });
});

describe('Kontakter (kontakterDialog)', () => {
  test('the contact for a specific patient, however it is typed', async () => {
    await oneShot([
      ['Vem kontaktar jag på psykiatriska kliniken med frågor om en specifik patient i samordningsteamen?', ['090-785 63 10']],
      ['vem kontaktar jag pa psykiatrin om en patient', ['090-785 63 10']],
      ['kontakt psyk patient', ['090-785 63 10']],
      ['Vem kontaktar jag på psykiatrn om en patient?', ['090-785 63 10']],
      ['Vem kontaktar jag på psykiatrin med övergripande frågor?', ['Avdelningschef']],
    ]);
  });
});

describe('Organisation (organisationDialog)', () => {
  test('org numbers, with both readings where the documents differ', async () => {
    await oneShot([
      ['Vad är Försäkringskassans organisationsnummer?', ['202100-5521']],
      ['vad ar forsakringskassans organisationsnummer', ['202100-5521']],
      ['FK:s orgnr?', ['202100-5521']],
      ['Arbetsförmedlingens org nr', ['202100-2114']],
      ['Arbetsförmedlingens org nr', ['202100-2627']],
    ]);
  });

  test('groups and members', async () => {
    await oneShot([
      ['Hur många ledamöter har styrelsen?', ['9 ledamöter']],
      ['hur manga ledamoter har styrelsen', ['9 ledamöter']],
      ['Vem sitter i AU?', ['Förbundschef']],
      ['Vilka kommuner är medlemmar i förbundet?', ['Bjurholm']],
    ]);
  });
});

describe('Målgrupp, mål och uppföljning (malgruppDialog)', () => {
  test('målgrupp, notice, goals', async () => {
    await oneShot([
      ['Vilken målgrupp har Vuxentorget?', ['25']],
      ['malgrupp vt', ['25']],
      ['Vilka ingår inte i målgruppen för samverkansteamet i Finnveden?', ['hel sjukersättning']],
      ['Hur lång är uppsägningstiden för uppdragsavtalet i Finnveden?', ['tre månader']],
      ['Vilka mätbara mål har Samverkansteam Finnveden?', ['85']],
    ]);
  });

  test('no verksamhet named: every målgrupp in brief, then the chosen one in full', async () => {
    const t = await bot();
    const opening = await first(t, 'Vilken målgrupp gäller?');
    expect(opening).toContain('Vuxentorget');
    expect(opening).toContain('Vilken verksamhet');
    const chosen = await first(t, 'Vuxentorget');
    expect(chosen).toContain('Ålder');
    expect(chosen).toContain('Källa: ');
  });
});

describe('Samverkansinitiativ (initiativDialog)', () => {
  test('by category and by name', async () => {
    await oneShot([
      ['Vilka samverkansinitiativ finns inom ekonomiskt bistånd?', ['biståndstider']],
      ['vilka samverkansinitiativ finns inom ohalsa', ['Nyanlända']],
      ['Vem är sammankallande för initiativet Unga med aktivitetsersättning?', ['Försäkringskassan']],
    ]);
  });
});

describe('Sök (searchDialog, the fallback)', () => {
  test('finds passages with sources, typo tolerated, and says plainly when nothing fits', async () => {
    await oneShot([
      ['Vad beslutades om ledarskapsdagar?', ['29/9']],
      ['ledarskapsdgar', ['29/9']],
    ]);
    const t = await bot();
    expect(await first(t, 'Hur många astronauter finns det på månen?')).toContain('Det står inte i överenskommelserna');
  });
});
