import { describe, expect, test } from '@jest/globals';
import { ConversationState, UserState } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { SamverkansBot } from '../../src/core/bot.js';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { LowdbStorage } from '../../src/state/lowdbStorage.js';
import { CANCELLED_TEXT, CANNOT_GO_BACK_TEXT, CancelAndHelpDialog, RESTART_TEXT } from '../../dialogs/cancelAndHelpDialog.js';
import { FALLBACK_TEXT, FallbackDialog } from '../../dialogs/fallbackDialog.js';
import { HELP_QUESTION } from '../../dialogs/helpContent.js';
import { MainDialog, NOTHING_TO_CANCEL_TEXT } from '../../dialogs/mainDialog.js';
import { OTHER_READING_TEXT } from '../../dialogs/clarifyDialog.js';
import { sendReply } from '../../src/core/sendReply.js';
import { Dialog, type DialogContext } from 'botbuilder-dialogs';
import { makeTestDeps, runSteps, transcript } from '../helpers/coreTestKit.js';
import { loadData } from '../../src/data/load.js';
import type { Route } from '../../dialogs/routes.js';
import type { AnswerStatus } from '../../src/core/reply.js';
import { YearDialog, yearRoutes } from '../helpers/yearDialog.js';

/** The real bot of the conversation core (routes from dialogs/routes.ts), on a temp state file. */
async function realBot() {
  const deps = await makeTestDeps();
  const core = createConversationCore(deps);
  return transcript((context) => core.bot.run(context));
}

describe('MainDialog through the real bot', () => {
  test('greets on "hej" and on a new member', async () => {
    const t = await realBot();
    await runSteps(t.say, [['Hej!', ['Hej! Jag är Samverkansboten']]]);
    expect(await t.join()).toEqual([expect.stringContaining('Jag är Samverkansboten')]);
  });

  test('"hjälp" lists the five capabilities and asks which one; a choice answers with examples', async () => {
    const t = await realBot();
    await runSteps(t.say, [
      ['hjälp', ['Det här kan jag', HELP_QUESTION]],
      ['3', ['Årshjul och påminnelser: ']],
    ]);
    const [overview, prompt] = await t.say('hjalp');
    expect(prompt).toContain('1) Aktualiseringscheck');
    for (const capability of ['Aktualiseringscheck', 'Åtaganden och kontakter', 'Årshjul', 'Tertialsiffror', 'Sök i överenskommelserna']) {
      expect(overview).toContain(capability);
    }
    // The choice is recognised by name too, typed without å/ä/ö.
    const [examples] = await t.say('tertialsiffror');
    expect(examples).toContain('Tertialsiffror och budget: ');
    // This bot has no data/: the examples use generic words (with data they name its verksamhet, tests/domain/forbund.test.ts).
    expect(examples).toContain('1) Vad är verksamhetens budget?');
  });

  test('"avbryt" mid-dialog ends it: a number is no longer a choice, and there is nothing left to cancel', async () => {
    const t = await realBot();
    await runSteps(t.say, [
      ['hjälp', ['Det här kan jag', HELP_QUESTION]],
      ['Avbryt.', [CANCELLED_TEXT]],
    ]);
    expect((await t.say('2')).join('\n')).not.toContain('Åtaganden och kontakter:');
    await runSteps(t.say, [['avbryt', [NOTHING_TO_CANCEL_TEXT]]]);
  });

  test('"hjälp" inside the help dialog gives its own help and asks again', async () => {
    const t = await realBot();
    await runSteps(t.say, [
      ['hjälp', ['Det här kan jag', HELP_QUESTION]],
      ['hjälp', ['Välj ett område med siffran', HELP_QUESTION]],
      ['1', ['Aktualiseringscheck: ']],
    ]);
  });

  test('"börja om" restarts the help dialog from its first step', async () => {
    const t = await realBot();
    await runSteps(t.say, [
      ['hjälp', ['Det här kan jag', HELP_QUESTION]],
      ['börja om', [RESTART_TEXT, 'Det här kan jag', HELP_QUESTION]],
      ['5', ['Sök i överenskommelserna: ']],
    ]);
  });

  test('"tillbaka" where a dialog cannot go back says so and asks again', async () => {
    const t = await realBot();
    await runSteps(t.say, [
      ['hjälp', ['Det här kan jag', HELP_QUESTION]],
      ['tillbaka', [CANNOT_GO_BACK_TEXT, HELP_QUESTION]],
    ]);
  });

  test('a question typed at the help prompt is routed as a new question', async () => {
    const t = await realBot();
    const [, prompt] = await t.say('hjälp');
    expect(prompt).toContain(HELP_QUESTION);
    const replies = await t.say('Hur många deltagare hade Vuxentorget T2 2023?');
    expect(replies.join('\n')).not.toContain(HELP_QUESTION);
    expect(replies.length).toBeGreaterThan(0);
    // A question naming a choice is still a question (botbuilder's recogniser alone would take it as the choice).
    await t.say('hjälp');
    const other = await t.say('aktualiseringscheck för en 23-åring');
    expect(other.join('\n')).not.toContain('Aktualiseringscheck: Jag går igenom');
  });
});

async function botWithRoutes() {
  const deps = await makeTestDeps({ today: '2023-02-01' });
  const storage = new LowdbStorage(deps.state);
  const { routes, fallback } = yearRoutes(deps);
  const main = new MainDialog(deps, routes, fallback);
  const bot = new SamverkansBot(new ConversationState(storage), new UserState(storage), main, deps.log);
  return transcript((context) => bot.run(context));
}

describe('MainDialog routing', () => {
  test('the best route answers in one turn when the question holds the facts', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [['Vad är budgeten för 2024?', ['budget för år 2024']]]);
  });

  test('a route asks for what is missing; "now" is the injected clock', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [
      ['budget', ['budget: vilket år? (2023-02-01)']],
      ['hjälp', ['Hjälp för budget', 'budget: vilket år?']],
      ['2025', ['budget för år 2025']],
    ]);
  });

  test('two routes within 0.1 of each other: the best answers at once, then the other reading is offered and still works', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [
      ['siffror 2023', ['tertial för år 2023', `${OTHER_READING_TEXT} budget?`]],
      ['1', ['budget för år 2023']],
    ]);
    // The offer is a choice, never a bare question: the first reply already holds an answer.
    const [first] = await t.say('siffror 2024');
    expect(first).toBe('tertial för år 2024');
  });

  test('the offered reading is chosen by name too, and a new question at the offer is routed as a question', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [
      ['siffror 2023', ['tertial för år 2023', OTHER_READING_TEXT]],
      ['budget', ['budget för år 2023']],
      ['siffror 2025', ['tertial för år 2025', OTHER_READING_TEXT]],
      ['tertial 2030', ['tertial för år 2030']],
    ]);
  });

  test('"avbryt" works at the offer', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [
      ['siffror 2023', ['tertial för år 2023', OTHER_READING_TEXT]],
      ['avbryt', [CANCELLED_TEXT]],
    ]);
  });

  test('a route that waits for a fact is not followed by an offer', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [
      ['siffror', ['tertial: vilket år?']],
      ['2023', ['tertial för år 2023']],
    ]);
  });

  test('nothing recognised: the fallback answers', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [['Vad tycker du om väder?', [FALLBACK_TEXT]]]);
  });

  test('"börja om" restarts a route without the first utterance', async () => {
    const t = await botWithRoutes();
    await runSteps(t.say, [
      ['budget', ['vilket år?']],
      ['börja om', [RESTART_TEXT, 'budget: vilket år?']],
      ['2030', ['budget för år 2030']],
    ]);
  });
});

/** A one-turn route dialog that sends a fixed Reply text. */
class FixedDialog extends Dialog {
  constructor(id: string, private readonly text: string, private readonly status?: AnswerStatus) {
    super(id);
  }
  override async beginDialog(dc: DialogContext) {
    await sendReply(dc.context, { text: this.text, ...(this.status ? { status: this.status } : {}) });
    return dc.endDialog();
  }
}

/** A dialog that must never run: the direct path answers from the route's result. */
class UnusedDialog extends Dialog {
  override async beginDialog(): Promise<never> {
    throw new Error(`dialog ${this.id} was begun`);
  }
}

/** A route answering with a result (the direct path), its dialog never begun. */
const resultRoute = (id: string, score: number, text: string, status: AnswerStatus): Route => ({
  id, label: id, dialog: new UnusedDialog(id), recognize: () => score, answer: () => ({ text, status }),
});

async function botWith(routes: Route[]) {
  const deps = await makeTestDeps();
  const storage = new LowdbStorage(deps.state);
  const main = new MainDialog(deps, routes, new FallbackDialog());
  const bot = new SamverkansBot(new ConversationState(storage), new UserState(storage), main, deps.log);
  return transcript((context) => bot.run(context));
}

const fixedRoute = (id: string, score: number, text: string, status?: AnswerStatus): Route => ({
  id, label: id, dialog: new FixedDialog(id, text, status), recognize: () => score,
});

describe('MainDialog with the real routes and data', () => {
  async function dataBot() {
    const deps = await makeTestDeps({ data: await loadData('data') });
    const core = createConversationCore(deps);
    return transcript((context) => core.bot.run(context));
  }

  test('a list says truly how it is ordered and shows a commitment written in two documents once', async () => {
    const t = await dataBot();
    const [first] = await t.say('Vad åtar sig Arbetsförmedlingen i Vuxentorget?');
    // Vuxentorget's own (2020) come before the general ones (2023): not "nyast först".
    expect(first).toMatch(/först de som gäller verksamheten/u);
    const bullets = (first ?? '').split('\n').filter((l) => l.startsWith('• ')).map((l) => l.replace(/^• [^:]*: /u, ''));
    expect(new Set(bullets).size).toBe(bullets.length);
  });

  test('a menu does not answer a question its lists do not hold: the passages that hold its words answer', async () => {
    const t = await dataBot();
    const [first] = await t.say('Vem ansvarar för SUS-registreringen i Samverkansteam Finnveden?');
    expect(first?.split('\n')[0]).toMatch(/SUS/u);
    expect(first).not.toMatch(/Vilken part vill du se i detalj/u);
  });

  test('a "när" question is not answered by a list of commitments: the årshjul computes the day from the yearly rule', async () => {
    const t = await dataBot();
    const replies = await t.say('Jag på Viva: senast när måste vi lämna in bilagan med våra åtaganden i Vuxentorget för 2027?');
    expect(replies.join('\n')).toMatch(/2026-12-31/u);
    expect(replies[0]).not.toMatch(/^Åtaganden för/u);
  });

  test('a later part that points back ("hur mycket av det …") is about what the part before asked; "A respektive B" inside it is two parts', async () => {
    const t = await dataBot();
    const replies = await t.say('Hur mycket intäkter budgeterar förbundet för 2023 totalt, och hur mycket av det kommer från Försäkringskassan respektive Region Västerbotten?');
    const all = replies.join('\n');
    expect(all).toMatch(/11 485 tkr/u);
    expect(all).toMatch(/Försäkringskassan \(intäkt\) 2023: 5 677 tkr/u);
    expect(all).toMatch(/Region Västerbotten \(intäkt\) 2023: 2 839 tkr/u);
  });

  test('a later part whose subject is a pronoun ("när följs den upp?") is about what the part before named', async () => {
    const t = await dataBot();
    const [reply = ''] = await t.say('Vem är ansvarig för förbundets kommunikationsplan, och när följs den upp?');
    expect(reply).toMatch(/Mikael Holmlund/u);
    // The second part is about the kommunikationsplan, not some other "kommunikation" of the årshjul.
    expect(reply).not.toMatch(/SDK|säker digital kommunikation/iu);
  });

  test('a later part that leaves out its noun ("o när har styrelsen sitt?") has the part before\'s thing and its own subject', async () => {
    const t = await dataBot();
    const [reply = ''] = await t.say('när har ssg sitt möte om delrapport t2 i höst o när har styrelsen sitt?');
    const [first = ''] = reply.split('\n');
    expect(first).toMatch(/2023-10-13/u);
    expect(first).toMatch(/2023-10-20/u);
  });

  test('a yes/no answer its builder decides ("Nej – … målgrupp är …") keeps the first line: passages that share its words follow', async () => {
    const t = await dataBot();
    const [first = ''] = await t.say('Jobbar på AF med etableringsprogrammet. Räknas även etableringsdeltagare som går att matcha mot jobb inom programtiden som prioriterad målgrupp, eller bara de som inte kan det?');
    expect(first).toMatch(/^Nej – .*bedöms inte kunna matchas/u);
  });

  test('a case step that already decides the yes/no question asks on with its verdict first, not a passage instead', async () => {
    const t = await dataBot();
    const [first = ''] = await t.say('Frivårdsinspektör här. Jag har en klient på 45 år som behöver stöd från flera håll för att komma i jobb – omfattas hen av överenskommelsens målgrupper?');
    expect(first).toMatch(/^Ja – ”Klienter från frivården i behov av samordnat stöd” ingår/u);
  });

  test('a later part of a composite question without a subject of its own is about the one before', async () => {
    const t = await dataBot();
    const [reply = ''] = await t.say('Vad åtar sig Arbetsförmedlingen i Vuxentorget och vem är kontaktperson?');
    const [first = ''] = reply.split('\n');
    expect(first).toMatch(/^Åtaganden för Arbetsförmedlingen/u);
    // The second part is answered too, about Arbetsförmedlingen in Vuxentorget (the first part's subject), and not with the first part's answer again.
    expect(reply.match(/Åtaganden för Arbetsförmedlingen/gu)?.length).toBe(1);
    expect(first.length).toBeGreaterThan(first.indexOf('Bland annat') + 200);
    expect(reply).toMatch(/Vuxentorget/u);
  });

  test('no "Nej" the documents do not state: a member list that is not in data gives the list, not a verdict', async () => {
    const t = await dataBot();
    expect((await t.say('Är Försäkringskassan med i Finnvedens samordningsförbund?'))[0]).not.toMatch(/^(Ja|Nej)\b/u);
  });

  test('a dialog that answers and then asks: its answer is the first thing said, and a negated benefit is not read as present', async () => {
    const t = await dataBot();
    const replies = await t.say('Regionen vill aktualisera en person som inte har sjukpenning men har försörjningsstöd. Vem ska förankra?');
    expect(replies[0]).toMatch(/^Regionen ska förankra med socialtjänstens försörjningsstödshandläggare/u);
    expect(replies.join('\n')).not.toContain('Personen har sjukpenning');
  });

  test.each([
    // A place outside the verksamhet's area is a "Nej", not "det beror på".
    ['Kan man aktualisera någon som bor i Vännäs till Vuxentorget?', /^Nej – personen ingår inte i Vuxentorgets målgrupp/u],
    // What is known decides; what is not becomes the condition.
    ['Får en 19-åring delta i Ungdomstorget?', /^Ja, om personen är bosatt i Umeå – 19 år ryms/u],
    ['Kan en person som bor i Umeå gå till Vuxentorget?', /^Ja, om personen är 25–64 år/u],
    // A party with the förbund or a group, asked yes/no: membership or representation, whatever the verb.
    ['Är Vindeln med i samordningsförbundet?', /^Ja, Vindelns kommun är medlem/u],
    ['Är Gnosjö med i Finnvedens samordningsförbund?', /^Ja, Gnosjö kommun är medlem/u],
    ['Får AF delta i SSG?', /^Ja, Arbetsförmedlingen finns representerad i Strategiska samverkansgruppen/u],
    ['Ingår Region Västerbotten i styrelsen?', /^Ja, Region Västerbotten finns representerad/u],
    // A person the målgrupp rules out is not referred there, whoever refers: that "Nej" comes first.
    ['kille 23 år inskriven på af i umeå, arbetslös. kan han aktualiseras till vuxentorget', /^Nej – en 23-åring ingår inte i Vuxentorgets målgrupp/u],
    // A group of the förbund asked about, not whether someone sits in it: no representation verdict.
    ['Hur många ledamöter och ersättare har förbundets styrelse?', /^Samordningsförbundets styrelse: 9 ledamöter/u],
    // From the sentence that answers: a limit, or the question's word said negated.
    ['Får Arbetsförmedlingen på Vuxentorget planera insatser för en kund vars fastställda arbetsförmåga är 6 timmar i veckan?', /^Nej – .*minst 10 timmar/u],
    ['Är Försäkringskassans personal samlokaliserad på Vuxentorget?', /^Nej – .*ej samlokaliserade/u],
    // A decision asked with a past verb first; the application's answer says "Avslag".
    ['Föreslog beredningsgruppen bifall till Försäkringskassans ansökan Fokus långa sjukfall?', /^Nej – .*Avslag/u],
    // The aktualisering feature's answer, as a result: the requirement the question does without decides it, in its first line.
    ['Kan jag aktualisera någon till samverkan utan att personen har gett sitt samtycke?', /^Nej – All samverkan bygger på .*samtycke/u],
  ])('a yes/no question answers Ja/Nej first: %s', async (question, headline) => {
    const t = await dataBot();
    expect((await t.say(question))[0]).toMatch(headline);
  });

  test('a question that asks for a value is not answered with a menu: the passage that gives the value answers', async () => {
    const t = await dataBot();
    // The commitments route would ask "which party?"; the question asks for a date and a count.
    const deadline = await t.say('Vi ska lämna in vår bilaga med åtaganden i Vuxentorget för 2027 – vad är deadline?');
    expect(deadline[0]).toMatch(/senast den 31 december året före/u);
    expect(deadline.join('\n')).not.toContain('Vilken part vill du se i detalj');
    const count = await t.say('Är det 6 eller 5,25 tjänster som finansieras i Samverkansteam Finnveden?');
    expect(count[0]).toContain('5,25');
    // A question about the commitments in general still gets the menu.
    expect((await t.say('Vad åtar sig parterna i Vuxentorget?')).join('\n')).toContain('Vilken part');
  });

  test('a duration question is answered by the passage with the duration, not by a related passage beside another answer', async () => {
    const t = await dataBot();
    expect((await t.say('Hur länge kan arbetsträningen pågå inom Steget vidare?'))[0]).toMatch(/en till sex månader/u);
  });

  test('an answer that misses what was asked is not the answer: "not stated", with it as the closest passage', async () => {
    const t = await dataBot();
    const [first] = await t.say('Hur mycket får en styrelseledamot i arvode per möte?');
    expect(first).toMatch(/^Det står inte i överenskommelserna/u);
    // The budget row in total is the closest thing the documents say: listed, not presented as the answer.
    expect(first).toMatch(/Arvoden till styrelsen: 2023: 300 tkr/u);
  });

  test('a question for a name is not answered by the role described: the search\'s answer is judged too', async () => {
    const t = await dataBot();
    // The documents describe Vuxentorget's utvecklingsledare but never name one.
    const [first] = await t.say('Vad heter utvecklingsledaren på Vuxentorget?');
    expect(first).toMatch(/^Det står inte i överenskommelserna/u);
    // The closest passages follow, about the role.
    expect(first).toMatch(/\n• .*[Uu]tvecklingsledare/u);
  });

  test('a detail the documents do not give (an e-mail address) is "not stated", with who to contact as the closest passage', async () => {
    const t = await dataBot();
    const [first] = await t.say('Vilken mejladress har Arbetsförmedlingens myndighetsbrevlåda?');
    expect(first).toMatch(/^Det står inte i överenskommelserna/u);
    expect(first).toMatch(/Närmast: .*[Mm]yndighetsbrevlåda/u);
  });

  test('a budget row question that also reads as a membership question: the budget answers, the other reading is offered and works', async () => {
    const t = await dataBot();
    const first = await t.say('Vad är Vännäs kommuns andel av medlemsavgifterna?');
    expect(first[0]).toContain('142 tkr');
    expect(first[first.length - 1]).toContain(`${OTHER_READING_TEXT} organisation och parter?`);
    const chosen = await t.say('1');
    expect(chosen.join('\n')).toContain('Vännäs');
    expect(chosen.join('\n')).not.toContain(OTHER_READING_TEXT);
  });

  test('a year the budget does not cover is not answered by the budget', async () => {
    const t = await dataBot();
    const replies = (await t.say('Hur stort var beslutsutrymmet i extra utlysningen 2017?')).join('\n');
    expect(replies).not.toContain('Budgeten har inga siffror');
    expect(replies.replace(/(\d) (\d{3})/gu, '$1$2')).toContain('1200');
  });
});

describe('MainDialog: a route declines', () => {
  const NO = 'Det står inte i överenskommelserna. Jag hittar inget om det.';

  test('the best route has no answer: the close second reading answers instead, and no offer follows', async () => {
    const t = await botWith([fixedRoute('forsta', 0.9, NO, 'not-stated'), fixedRoute('andra', 0.85, 'Svar från andra')]);
    const replies = await t.say('vad som helst');
    expect(replies).toEqual(['Svar från andra']);
  });

  test('both readings have no answer and search has nothing: the first answer is shown as it was', async () => {
    const t = await botWith([fixedRoute('forsta', 0.9, NO, 'not-stated'), fixedRoute('andra', 0.85, `${NO} Andra.`, 'not-stated')]);
    expect(await t.say('vad som helst')).toEqual([NO]);
  });

  test('declining is decided by the status a builder set, never by the wording of its reply', async () => {
    const t = await botWith([fixedRoute('forsta', 0.9, NO, 'answered'), fixedRoute('andra', 0.85, 'Svar från andra')]);
    expect((await t.say('vad som helst'))[0]).toBe(NO);
  });

  test('a clear best route (no close second) that answers is shown unchanged', async () => {
    const t = await botWith([fixedRoute('forsta', 0.9, 'Svar'), fixedRoute('andra', 0.6, 'Annat')]);
    expect(await t.say('fråga')).toEqual(['Svar']);
  });
});

describe('MainDialog: the direct path (answers as results)', () => {
  test('a route with a result answers without its dialog being begun', async () => {
    const t = await botWith([resultRoute('forsta', 0.9, 'Ja, det får hon.', 'answered')]);
    expect(await t.say('fråga')).toEqual(['Ja, det får hon.']);
  });

  test('a "not stated" result gives way to the close second reading', async () => {
    const t = await botWith([resultRoute('forsta', 0.9, 'Inget om det.', 'not-stated'), resultRoute('andra', 0.85, 'Svar från andra', 'answered')]);
    expect(await t.say('fråga')).toEqual(['Svar från andra']);
  });

  test('when nothing answers, the "not stated" result itself is said', async () => {
    const t = await botWith([resultRoute('forsta', 0.9, 'Det framgår inte.', 'not-stated'), resultRoute('andra', 0.85, 'Inte heller här.', 'not-stated')]);
    expect(await t.say('fråga')).toEqual(['Det framgår inte.']);
  });

  test('an answered result with a close second reading offers the other reading after the answer', async () => {
    const t = await botWith([resultRoute('forsta', 0.9, 'Första svaret.', 'answered'), resultRoute('andra', 0.85, 'Andra svaret.', 'answered')]);
    const replies = await t.say('fråga');
    expect(replies[0]).toBe('Första svaret.');
    expect(replies[replies.length - 1]).toContain(OTHER_READING_TEXT);
  });
});

describe('MainDialog: composite questions', () => {
  /** A result route that fits utterances holding `word`. */
  const wordRoute = (id: string, word: string, text: string, status: AnswerStatus = 'answered'): Route => ({
    id, label: id, dialog: new UnusedDialog(id), recognize: ({ normalized }) => (normalized.includes(word) ? 0.9 : 0), answer: () => ({ text, status }),
  });

  test('two parts for two features: each part is answered, in order', async () => {
    const t = await botWith([wordRoute('ordf', 'ordforande', 'Ordföranden är Anna Berg.'), wordRoute('mote', 'mote', 'Nästa möte är 10 mars.')]);
    // One reply whose first line answers both parts, in order.
    expect(await t.say('Vem är ordförande i styrelsen och när är nästa möte?')).toEqual(['Ordföranden är Anna Berg. Nästa möte är 10 mars.']);
  });

  test('a part that opens with a header keeps the parts on lines of their own', async () => {
    const { combinedParts } = await import('../../src/domain/routing/combine.js');
    const joined = combinedParts([{ text: 'Ordföranden är Anna Berg.' }, { text: 'Möten 2023:\n• 10 mars\n• 12 maj' }]);
    expect(joined.text).toBe('Ordföranden är Anna Berg.\nMöten 2023:\n• 10 mars\n• 12 maj');
    expect(combinedParts([{ text: 'Ordföranden är Anna Berg' }, { text: 'Nästa möte är 10 mars.' }]).text).toBe('Ordföranden är Anna Berg. Nästa möte är 10 mars.');
  });

  test('a part the documents do not answer gets its own "not stated", the other part its answer', async () => {
    const t = await botWith([wordRoute('ordf', 'ordforande', 'Det står inte vem som är ordförande.', 'not-stated'), wordRoute('mote', 'mote', 'Nästa möte är 10 mars.')]);
    expect(await t.say('Vem är ordförande i styrelsen och när är nästa möte?')).toEqual(['Det står inte vem som är ordförande. Nästa möte är 10 mars.']);
  });

  test('an answer without what the question asks for (a date for "när") is not shown as the answer', async () => {
    const t = await botWith([wordRoute('mote', 'mote', 'Mötessvar.')]);
    const replies = await t.say('När är nästa möte?');
    // Said plainly as "not stated"; the built answer is only listed among the closest passages.
    expect(replies[0]).toMatch(/^Det står inte/u);
    expect(replies.join('\n')).not.toMatch(/^Mötessvar/mu);
    expect(replies.join('\n')).toMatch(/^• Närmast: Mötessvar\.$/mu);
  });

  test('a route does not answer a question of a form it does not declare', async () => {
    const amounts: Route = { ...wordRoute('budget', 'mote', 'Mötesbudget: 40 tkr.'), forms: ['hur-mycket'] };
    const dates = wordRoute('datum', 'mote', 'Nästa möte är 2027-02-10.');
    const t = await botWith([amounts, { ...dates, recognize: (input) => 0.7 * dates.recognize(input) }]);
    expect(await t.say('När är nästa möte?')).toEqual(['Nästa möte är 2027-02-10.']);
    expect((await t.say('Hur mycket kostar nästa möte?'))[0]).toBe('Mötesbudget: 40 tkr.');
  });

  test('two parts for one feature: each part gets its own answer', async () => {
    const route: Route = {
      id: 'mote', label: 'mote', dialog: new UnusedDialog('mote'), recognize: ({ normalized }) => (normalized.includes('mote') || normalized.includes('ordforande') ? 0.9 : 0),
      answer: (u) => ({ text: u?.query.normalized.includes('ordforande') === true ? 'Ordföranden är Anna Berg.' : 'Nästa möte är 2027-02-10.', status: 'answered' }),
    };
    const t = await botWith([route]);
    expect(await t.say('Vem är ordförande på mötet + när är nästa möte?')).toEqual(['Ordföranden är Anna Berg. Nästa möte är 2027-02-10.']);
  });

  test('a part that only gets the other part\'s answer is not answered by it', async () => {
    const t = await botWith([wordRoute('mote', 'mote', 'Mötessvar: 2027-02-10.'), wordRoute('ordf', 'ordforande', 'Ordföranden är Anna Berg.')]);
    const [reply = ''] = await t.say('När är nästa möte och när slutar ordförande?');
    const [first, second] = reply.split('\n');
    expect(first).toBe('Mötessvar: 2027-02-10.');
    expect(second).toMatch(/^Det står inte/u);
  });

  test('parts of one feature with the same answer are said once', async () => {
    const t = await botWith([wordRoute('mote', 'mote', 'Mötessvar: 2027-02-10.')]);
    expect(await t.say('När är nästa möte och när är mötet efter det?')).toEqual(['Mötessvar: 2027-02-10.']);
  });
});

describe('CancelAndHelpDialog nesting', () => {
  test('"hjälp" and "börja om" are handled by the innermost dialog, "avbryt" ends them all', async () => {
    const deps = await makeTestDeps();
    const storage = new LowdbStorage(deps.state);
    const inner = new YearDialog('inner', deps);
    class OuterDialog extends CancelAndHelpDialog {
      constructor() {
        super('outer');
        this.addDialog(inner);
        this.addDialog(
          new WaterfallDialog('outer-steps', [
            async (step: WaterfallStepContext) => step.beginDialog('inner'),
            async (step: WaterfallStepContext) => {
              await step.context.sendActivity(`outer fick ${String(step.result)}`);
              return step.endDialog();
            },
          ]),
        );
        this.initialDialogId = 'outer-steps';
      }
      protected helpReply() {
        return { text: 'Hjälp för outer' };
      }
    }
    const route: Route = { id: 'outer', label: 'Outer', dialog: new OuterDialog(), recognize: ({ normalized }) => (normalized === 'outer' ? 1 : 0) };
    const main = new MainDialog(deps, [route], new FallbackDialog());
    const bot = new SamverkansBot(new ConversationState(storage), new UserState(storage), main, deps.log);
    const t = transcript((context) => bot.run(context));
    await runSteps(t.say, [
      ['outer', ['inner: vilket år?']],
      ['hjälp', ['Hjälp för inner', 'inner: vilket år?']],
      ['börja om', [RESTART_TEXT, 'inner: vilket år?']],
      ['avbryt', [CANCELLED_TEXT]],
      ['hjälp', ['Det här kan jag', HELP_QUESTION]],
    ]);
  });
});

