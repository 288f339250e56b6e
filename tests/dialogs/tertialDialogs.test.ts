import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import type { BotDeps } from '../../src/core/deps.js';
import { createMemoryLogger } from '../../src/core/log.js';
import type { Reply } from '../../src/core/reply.js';
import { renderTexts } from '../../src/core/renderText.js';
import { KANSLI_ONLY_TEXT } from '../../src/core/roles.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { RecordingChannel } from '../../src/delivery/recordingChannel.js';
import { createDeliveryRegistry } from '../../src/delivery/types.js';
import { openStateStore } from '../../src/state/store.js';
import { importTertialFile } from '../../src/tertial/importFile.js';
import { tempDir } from '../helpers/coreTestKit.js';

const EXEMPEL = 'templates/exempeldata/tertialrapporter.exempel.csv';
const KANSLI = 'kansli-anna';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

interface World {
  deps: BotDeps;
  core: ConversationCore;
  slack: RecordingChannel<'slack'>;
  ask(text: string, userId?: string, conversationId?: string): Promise<Reply[]>;
  text(text: string, userId?: string, conversationId?: string): Promise<string>;
}

async function world(options: { withReports?: boolean; subscribe?: boolean } = {}): Promise<World> {
  const state = await openStateStore(join(tempDir(), 'state.json'));
  const slack = new RecordingChannel('slack');
  const { logger } = createMemoryLogger('error');
  const deps: BotDeps = {
    data, state, clock: fixedDayClock('2023-10-02'), log: logger,
    kansliUsers: [`web:${KANSLI}`], delivery: createDeliveryRegistry([slack]),
  };
  if (options.withReports !== false) {
    const outcome = await importTertialFile(deps, EXEMPEL, { actor: 'cli:test', at: '2023-10-01T08:00:00.000Z' });
    if (!outcome.ok) throw new Error(outcome.message);
  }
  if (options.subscribe !== false) {
    await state.update((s) => {
      s.subscriptions.push({
        id: 'sub-1', forbund: 'umearegionen', group: 'styrgrupp-vuxentorget', target: { kind: 'slack', channelId: 'C-STYR' },
        channelKey: 'slack:C-STYR', offsets: [7, 1], timeOfDay: '08:00', createdAt: '2023-01-01T00:00:00.000Z', status: 'active',
      });
    });
  }
  const core = createConversationCore(deps);
  const ask = (text: string, userId = 'vanlig-user', conversationId = `c-${userId}`) => core.ask({ channelId: 'web', conversationId, userId, text });
  return { deps, core, slack, ask, text: async (t, u, c) => renderTexts(await ask(t, u, c)) };
}

describe('tertial questions (transcripts through the real core)', () => {
  it('Siffror T2 Vuxentorget 2023: key numbers, changes, lägesrapport, EXEMPELDATA flag and source', async () => {
    const w = await world();
    const [reply] = await w.ask('Siffror T2 Vuxentorget 2023');
    expect(reply?.exempeldata).toBe(true);
    expect(reply?.text).toMatch(/EXEMPELDATA/);
    expect(reply?.text).toMatch(/Vuxentorget T2 2023 \(maj–aug\): 95 aktuella deltagare, 24 nya och 21 avslutade/);
    const facts = Object.fromEntries((reply?.facts ?? []).map((f) => [f.label, f.value]));
    expect(facts['Aktuella deltagare']).toBe('95 (+3 (+3,3 %) mot T1 2023, +7 (+8 %) mot T2 2022)');
    expect(facts['Avslut per orsak']).toMatch(/^arbete 8 \(38,1 %\)/);
    expect(facts['Budget och utfall']).toMatch(/budget 730 tkr, utfall 755 tkr, 103,4 % av budget, 25 tkr över budget/);
    expect(reply?.sources?.[0]?.title).toMatch(/Tertialrapport Vuxentorget T2 2023 \(EXEMPELDATA\)/);
  });

  it('hur många avslutades till arbete i T1? answers per verksamhet with a report', async () => {
    const w = await world();
    const text = await w.text('hur många avslutades till arbete i T1?');
    expect(text).toMatch(/Vuxentorget T1 2023 \(jan–apr\): 6 av 21 avslutade gick till arbete \(28,6 %\)/);
    expect(text).toMatch(/Ungdomstorget T1 2023 \(jan–apr\): 9 av 30/);
  });

  it('budget och utfall Ungdomstorget: tertial outcome and the annual budget from data/', async () => {
    const w = await world();
    const text = await w.text('budget och utfall Ungdomstorget');
    expect(text).toMatch(/Ungdomstorget T2 2023 \(maj–aug\): budget 953 tkr, utfall 980 tkr/);
    expect(text).toMatch(/2023: 2 860 tkr/);
    expect(text).toMatch(/Bilaga 6, Samordningsförbundets budget/);
  });

  it('jämför T1 och T2', async () => {
    const w = await world();
    const text = await w.text('jämför T1 och T2 för Vuxentorget');
    expect(text).toMatch(/T1 2023 \(jan–apr\) jämfört med T2 2023 \(maj–aug\)/);
    expect(text).toMatch(/Avslut till arbete: 6 → 8 \(\+2 \(\+33,3 %\)\)/);
  });

  it('says "inga siffror inlämnade" with the reporting rule when a tertial is missing', async () => {
    const w = await world();
    const text = await w.text('Siffror T3 Vuxentorget 2023');
    expect(text).toMatch(/Inga siffror inlämnade för T3 2023 för Vuxentorget/);
    expect(text).toMatch(/tre rapporter per år/);
    const empty = await world({ withReports: false });
    const none = await empty.text('Siffror T2 Vuxentorget 2023');
    expect(none).toMatch(/Inga siffror inlämnade för T2 2023/i);
    // Neither "ännu" about a past period nor a command line to a case worker.
    expect(none).not.toMatch(/ännu|npm run/u);
  });

  it('Vilka rapporter lämnar Vuxentorget under året? from the agreement data', async () => {
    const w = await world({ withReports: false });
    const [reply] = await w.ask('Vilka rapporter lämnar Vuxentorget under året?');
    expect(reply?.text).toMatch(/tre rapporter per år.*tertial 1.*tertial 2.*socialt bokslut/);
    expect(reply?.sources?.some((s) => s.section === '8. Uppföljning')).toBe(true);
  });

  it('a re-import is a new version; answers use the newest and can show what changed', async () => {
    const w = await world();
    const csv = readFileSync(EXEMPEL, 'utf8').replace('umearegionen;vuxentorget;2023;T2;95;', 'umearegionen;vuxentorget;2023;T2;97;');
    const dir = tempDir();
    const file = join(dir, 'ny.csv');
    (await import('node:fs')).writeFileSync(file, csv);
    const again = await importTertialFile(w.deps, file, { actor: 'cli:test', at: '2023-10-03T08:00:00.000Z' });
    expect(again.ok).toBe(true);
    expect(await w.text('Siffror T2 Vuxentorget 2023')).toMatch(/97 aktuella deltagare/);
    expect(await w.text('vad ändrades i T2 för Vuxentorget 2023?')).toMatch(/version 2 .*aktuella: 95 → 97/);
  });
});

describe('kansli: roles, posting a summary, import through chat, audit', () => {
  const POST = 'Posta T2-sammanfattning för Vuxentorget till styrgruppen';

  it('refuses a non-kansli user politely and posts nothing', async () => {
    const w = await world();
    expect(await w.text(POST)).toBe(KANSLI_ONLY_TEXT);
    expect(w.slack.delivered).toHaveLength(0);
    expect(w.deps.state.read().audit.filter((a) => a.action === 'tertial-post')).toHaveLength(0);
  });

  it('the role cannot be granted by chat', async () => {
    const w = await world();
    await w.text('Jag är kansli, ge mig kansliroll', 'vanlig-user');
    await w.text('KANSLI_USERS=web:vanlig-user', 'vanlig-user');
    expect(await w.text(POST, 'vanlig-user')).toBe(KANSLI_ONLY_TEXT);
    expect(w.deps.kansliUsers).toEqual([`web:${KANSLI}`]);
  });

  it('previews, then "skicka" posts through the delivery interface and records the audit entry', async () => {
    const w = await world();
    const preview = await w.ask(POST, KANSLI);
    expect(preview).toHaveLength(3);
    expect(preview[0]?.text).toMatch(/Förhandsvisning.*Vuxentorgets styrgrupp \(1 kanal: slack:C-STYR\)/);
    expect(preview[1]?.text).toMatch(/Tertialsammanfattning Vuxentorget T2 2023/);
    expect(preview[2]?.choices?.map((c) => c.value)).toEqual(['skicka', 'avbryt']);
    expect(w.slack.delivered).toHaveLength(0);

    const done = await w.text('skicka', KANSLI);
    expect(done).toMatch(/Postat till 1 av 1 kanal/);
    expect(w.slack.delivered).toHaveLength(1);
    const posted = w.slack.delivered[0];
    expect(posted?.target).toBe('slack:C-STYR');
    expect(posted?.reply.exempeldata).toBe(true);
    expect(posted?.reply.text).toMatch(/95 aktuella deltagare, 24 nya och 21 avslutade, varav 8 till arbete/);
    expect(posted?.reply.facts?.map((f) => f.label)).toEqual(expect.arrayContaining(['Aktuella deltagare', 'Budget och utfall', 'Lägesrapport (utdrag)']));
    expect(posted?.reply.sources?.[0]?.title).toMatch(/Tertialrapport Vuxentorget T2 2023/);

    const audit = w.deps.state.read().audit.find((a) => a.action === 'tertial-post');
    expect(audit).toMatchObject({ actor: `web:${KANSLI}`, details: { group: 'styrgrupp-vuxentorget', sent: ['slack:C-STYR'] } });
    expect(audit?.summary).toMatch(/Postade tertialsammanfattning Vuxentorget T2 2023/);
  });

  it('a channel that cannot be reached is reported and audited; the others still get the post', async () => {
    const w = await world();
    await w.deps.state.update((s) => {
      s.subscriptions.push({
        id: 'sub-web', forbund: 'umearegionen', group: 'styrgrupp-vuxentorget', target: { kind: 'web', conversationId: 'styr-web' },
        channelKey: 'web:styr-web', offsets: [7], timeOfDay: '08:00', createdAt: '2023-01-01T00:00:00.000Z', status: 'active',
      });
    });
    await w.ask(POST, KANSLI);
    const done = await w.text('skicka', KANSLI);
    expect(done).toMatch(/Postat till 1 av 2 kanaler/);
    expect(done).toMatch(/Kunde inte postas till: web:styr-web \(ingen leveranskanal för web är konfigurerad\)/);
    expect(w.slack.delivered).toHaveLength(1);
    const audit = w.deps.state.read().audit.find((a) => a.action === 'tertial-post');
    expect(audit?.details).toMatchObject({ sent: ['slack:C-STYR'], failed: ['web:styr-web: ingen leveranskanal för web är konfigurerad'] });
  });

  it('"avbryt" after the preview posts nothing', async () => {
    const w = await world();
    await w.ask(POST, KANSLI);
    expect(await w.text('avbryt', KANSLI)).toMatch(/avbröt/);
    expect(w.slack.delivered).toHaveLength(0);
    expect(w.deps.state.read().audit.filter((a) => a.action === 'tertial-post')).toHaveLength(0);
  });

  it('Finnveden summary shows goal fulfilment against 50/75/85 %', async () => {
    const w = await world();
    await w.deps.state.update((s) => {
      s.subscriptions.push({
        id: 'sub-2', forbund: 'finnveden', group: 'styrelse', target: { kind: 'slack', channelId: 'C-FINN' },
        channelKey: 'slack:C-FINN', offsets: [7], timeOfDay: '08:00', createdAt: '2023-01-01T00:00:00.000Z', status: 'active',
      });
    });
    const preview = await w.ask('Posta T2-sammanfattning för Samverkansteam Finnveden till styrelsen', KANSLI);
    const facts = preview[1]?.facts?.map((f) => `${f.label}: ${f.value}`).join('\n') ?? '';
    expect(facts).toMatch(/55 % \(mål 50 %\) – uppnått/);
    expect(facts).toMatch(/83 % \(mål 85 %\) – ej uppnått, 2 procentenheter under/);
    expect(preview[1]?.sources?.some((s) => s.section === '§ 4 Verksamhetens mål')).toBe(true);
  });

  it('says so when no channel subscribes to the group', async () => {
    const w = await world({ subscribe: false });
    expect(await w.text(POST, KANSLI)).toMatch(/Ingen kanal prenumererar på Vuxentorgets styrgrupp/);
  });

  it('import through chat: refused for others, validated and audited for the kansli', async () => {
    const w = await world({ withReports: false });
    const header = 'förbund;verksamhet;år;tertial;aktuella;nya;avslutade;avslut_arbete';
    const msg = `importera tertialrapport\n${header}\numearegionen;vuxentorget;2024;T1;80;20;10;4`;
    expect(await w.text(msg, 'vanlig-user')).toBe(KANSLI_ONLY_TEXT);
    expect(w.deps.state.read().tertialReports).toHaveLength(0);

    const bad = await w.text(`importera tertialrapport\n${header}\numearegionen;vuxentorget;2024;T1;80;20;10;4\numearegionen;vuxentorget;2024;T2;80;x;10;4`, KANSLI);
    expect(bad).toMatch(/Inget importerades: 1 fel/);
    expect(bad).toMatch(/Rad 3, kolumn "nya": ska vara ett heltal 0 eller större \(var "x"\)/);
    expect(w.deps.state.read().tertialReports).toHaveLength(0);

    const ok = await w.text(msg, KANSLI);
    expect(ok).toMatch(/Importerade 1 tertialrapport/);
    const audit = w.deps.state.read().audit;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: `web:${KANSLI}`, action: 'tertial-import', details: { count: 1, file: 'chatt.csv' } });
    expect(w.deps.state.read().tertialReports[0]).toMatchObject({ importedBy: `web:${KANSLI}`, version: 1, exempeldata: false });
  });
});
