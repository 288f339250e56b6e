import { join } from 'node:path';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import type { BotDeps } from '../../src/core/deps.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { renderTexts } from '../../src/core/renderText.js';
import { KANSLI_ONLY_TEXT } from '../../src/core/roles.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

interface World {
  deps: BotDeps;
  core: ConversationCore;
  say(text: string, options?: { today?: string; channelId?: string; conversationId?: string; userId?: string }): Promise<string>;
}

async function world(): Promise<World> {
  const state = await openStateStore(join(tempDir(), 'state.json'));
  const { logger } = createMemoryLogger('error');
  const deps: BotDeps = { data, state, clock: fixedDayClock('2023-02-01'), log: logger, kansliUsers: ['web:kansli-anna'] };
  const core = createConversationCore(deps);
  return {
    deps,
    core,
    async say(text, options = {}) {
      const replies = await core.ask({
        channelId: options.channelId ?? 'web', conversationId: options.conversationId ?? 'styrelsekanalen',
        userId: options.userId ?? 'per', text, today: options.today,
      });
      return renderTexts(replies);
    },
  };
}

describe('årshjul questions (one turn, with sources)', () => {
  test.each<[string, string | undefined, string[]]>([
    ['När är nästa styrelsemöte?', '2023-02-01', ['2023-02-17', 'förmiddag', 'Källa:', '5. Mötesplan för 2023/Årshjul']],
    ['när är nästa styrelsemöte', '2023-03-01', ['2023-03-10', 'Revisionsseminarium', 'årsredovisning 2022']],
    ['Möten i maj', '2023-02-01', ['2023-05-26', 'Avrapportering', 'Dialog i kranskommunerna']],
    ['Vad händer i oktober?', '2023-02-01', ['2023-10-06', 'Planeringsdag', '2023-10-13', '2023-10-20']],
    ['nästa deadline', '2023-11-01', ['2023-11-30', 'Källa:']],
    ['När ska bilagan med parternas åtaganden vara inlämnad?', '2023-06-01', ['31 december året före', '2023-12-31', 'gäller 2024', '1. Inledning']],
    ['När ska delrapport T2 upp?', '2023-02-01', ['2023-10-13', '2023-10-20', 'tertial']],
    ['Vad handlar planeringsdagen om?', '2023-02-01', ['verksamhetsplan/överenskommelse', '2023-10-06', 'september']],
    ['Nästa möte för SSG', '2023-10-14', ['2023-11-24']],
  ])('%s (idag %s)', async (question, today, expected) => {
    const w = await world();
    const reply = await w.say(question, { today });
    for (const part of expected) expect(reply).toContain(part);
  });

  test('the group the question itself names, not the one the asker is from ("Jag på kansliet … har styrelsen …?")', async () => {
    const w = await world();
    const reply = await w.say('Jag på kansliet håller på att boka lokaler. Vilket datum har styrelsen sitt första sammanträde 2023?', { today: '2026-12-04' });
    expect(reply).toMatch(/^fredag 17 februari 2023 \(2023-02-17\)/mu);
    expect(reply).not.toMatch(/^Inga möten för Samordningsförbundets kansli/mu);
  });

  test('beyond the last dated mötesplan it says so, shows the latest plan and the yearly rules, invents nothing', async () => {
    const w = await world();
    const reply = await w.say('När är nästa styrelsemöte?', { today: '2026-11-23' });
    expect(reply).toContain('inga mötesdatum');
    expect(reply).toContain('2023-11-30');
    expect(reply).toContain('senaste kända mötesplanen gäller 2023');
    expect(reply).toContain('2026-11-30');
    expect(reply).not.toMatch(/2026-(0[1-9]|1[0-2])-(?!30)\d\d.*Styrelsemöte/);
  });

  test('a month beyond the plan shows the same month of the latest known plan, marked as such', async () => {
    const w = await world();
    const reply = await w.say('vad händer i oktober?', { today: '2026-11-23' });
    expect(reply).toContain('oktober 2027');
    expect(reply).toContain('inte ett datum för 2027');
    expect(reply).toContain('2023-10-20');
  });
});

describe('subscriptions', () => {
  test('subscribe, list, unsubscribe — stored with what delivery needs', async () => {
    const w = await world();
    expect(await w.say('prenumerera på påminnelser för SSG', { today: '2023-02-01' })).toContain('7 dagar före och 1 dag före');
    expect(await w.say('Prenumerera på påminnelser för styrelsen 3 dagar före kl 9', { today: '2023-02-01' })).toContain('kl. 09:00');
    const subs = w.deps.state.read().subscriptions;
    expect(subs.map((s) => [s.group, s.offsets, s.timeOfDay, s.target])).toEqual([
      ['ssg', [7, 1], '08:00', { kind: 'web', conversationId: 'styrelsekanalen' }],
      ['styrelse', [3], '09:00', { kind: 'web', conversationId: 'styrelsekanalen' }],
    ]);
    const list = await w.say('vilka prenumerationer har kanalen?');
    expect(list).toContain('Strategiska samverkansgruppen (SSG): 7 och 1 dagar före, kl. 08:00');
    expect(await w.say('vilka prenumerationer har kanalen?', { conversationId: 'annan' })).toContain('inga prenumerationer');
    expect(await w.say('avsluta prenumeration för SSG')).toContain('inte längre påminnelser för Strategiska samverkansgruppen');
    expect(w.deps.state.read().subscriptions.map((s) => s.group)).toEqual(['styrelse']);
  });

  test('Teams keeps the conversation reference; Slack the channel id', async () => {
    const w = await world();
    await w.say('prenumerera på påminnelser för styrelsen', { channelId: 'msteams', conversationId: '19:abc@thread.tacv2' });
    await w.say('prenumerera på påminnelser för styrelsen', { channelId: 'slack', conversationId: 'C0123' });
    const [teams, slack] = w.deps.state.read().subscriptions;
    expect(teams?.target).toMatchObject({ kind: 'teams', conversationReference: { conversation: { id: '19:abc@thread.tacv2' } } });
    expect(teams?.channelKey).toBe('teams:19:abc@thread.tacv2');
    expect(slack?.target).toEqual({ kind: 'slack', channelId: 'C0123' });
  });

  test('without a group it asks which, and still explains the defaults', async () => {
    const w = await world();
    const reply = await w.say('prenumerera på påminnelser');
    expect(reply).toContain('Vilken grupp');
    expect(reply).toContain('7 och 1 dag före');
    expect(w.deps.state.read().subscriptions).toEqual([]);
  });
});

describe("the kansli's chat command", () => {
  test('only the kansli may add meetings; the rest get the role text and nothing changes', async () => {
    const w = await world();
    expect(await w.say('lägg till möte: styrelse; 2024-02-16; förmiddag; Extra sammanträde')).toContain(KANSLI_ONLY_TEXT);
    expect(w.deps.state.read().calendarAdditions).toEqual([]);
  });

  test('the kansli adds one, and it becomes the next meeting; a bad row imports nothing', async () => {
    const w = await world();
    const ok = await w.say('lägg till möte: styrelse; 16 februari 2024; förmiddag; Extra sammanträde', { userId: 'kansli-anna' });
    expect(ok).toContain('Importerade 1 händelser');
    expect(await w.say('När är nästa styrelsemöte?', { today: '2024-01-10' })).toContain('2024-02-16');
    const bad = await w.say('importera mötesplan\nförbund;grupp;datum;titel\numearegionen;ssg;2024-02-09;SSG-möte\numearegionen;ssg;2024-02-31;Fel', { userId: 'kansli-anna' });
    expect(bad).toContain('Inget importerades');
    expect(bad).toContain('Rad 3, kolumn datum');
    expect(w.deps.state.read().calendarAdditions.map((a) => a.date)).toEqual(['2024-02-16']);
    expect(w.deps.state.read().audit.map((a) => a.action)).toEqual(['calendar-import']);
  });
});
