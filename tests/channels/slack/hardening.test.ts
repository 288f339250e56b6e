import { mkdtemp } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { slackRoutes } from '../../../src/channels/slack/routes.js';
import { renderCard } from '../../../src/channels/teams/renderCard.js';
import { renderReplyHtml } from '../../../src/channels/web/renderHtml.js';
import { KANSLI_ONLY_TEXT } from '../../../src/core/roles.js';
import { FAKE_BOT, postSigned, startFakeSlackApi, type FakeSlackApi, type SlackCall } from '../../helpers/fakeSlackApi.js';
import { startTestApp, type TestApp } from '../../helpers/httpApp.js';

/**
 * Issue 15, findings 1, 9, 10, 12 and 14, through the real server: signed Slack requests to
 * /slack/events, with a fake Slack Web API on 127.0.0.1 recording what the bot sends.
 */

const SECRET = 'hardening-signing-secret-0123456789';
const NOW_S = 1_795_000_000;
const KANSLI = 'UKANSLI01';
const SLACK_ENV = { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', KANSLI_USERS: `slack:${KANSLI}` };
const BOT_IDS = { botId: FAKE_BOT.botId, botUserId: FAKE_BOT.userId };

let fake: FakeSlackApi;
let t: TestApp;
let seq = 0;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  t = await startTestApp({
    env: { ...SLACK_ENV, SLACK_API_URL: fake.apiUrl },
    routes: [slackRoutes({ ...BOT_IDS, processBeforeResponse: true, nowMs: () => NOW_S * 1000 })],
  });
});
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

const eventsUrl = (app: TestApp = t): string => `${app.baseUrl}/slack/events`;
const signedJson = (body: unknown, app: TestApp = t) =>
  postSigned(eventsUrl(app), typeof body === 'string' ? body : JSON.stringify(body), { signingSecret: SECRET, timestampSeconds: NOW_S });
const signedForm = (fields: Record<string, string>) =>
  postSigned(eventsUrl(), new URLSearchParams(fields).toString(), {
    signingSecret: SECRET,
    timestampSeconds: NOW_S,
    contentType: 'application/x-www-form-urlencoded',
  });

/** A signed-ready Events API body: a DM (or a mention in a channel) from `user`. */
function event(channel: string, text: string, options: { user?: string; mention?: boolean; eventId?: string } = {}) {
  seq += 1;
  const ts = `1794999000.${String(seq).padStart(6, '0')}`;
  return {
    token: 'legacy',
    team_id: FAKE_BOT.teamId,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: options.eventId ?? `EvHARD${String(seq).padStart(6, '0')}`,
    event_time: NOW_S,
    event: options.mention
      ? { type: 'app_mention', channel, user: options.user ?? 'U0000USER', text: `<@${FAKE_BOT.userId}> ${text}`, ts, event_ts: ts }
      : { type: 'message', channel_type: 'im', channel, user: options.user ?? 'U0000USER', text, ts, event_ts: ts },
  };
}

const postsTo = (channel: string, api: FakeSlackApi = fake): SlackCall[] => api.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
const shown = (text: unknown): string => String(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const said = (channel: string): string => postsTo(channel).map((p) => shown(p.args.text)).join('\n\n');

/** `inflatedMb` megabytes of spaces, gzipped (about a thousandth of that on the wire), built without holding them. */
async function gzipBomb(inflatedMb: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  const megabyte = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < inflatedMb; i++) if (!gzip.write(megabyte)) await once(gzip, 'drain');
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('finding 1: compressed bodies on /slack/events', () => {
  it('refuses a gzip bomb with 415 before inflating it: the server process grows by less than 50 MB', async () => {
    const bomb = await gzipBomb(150);
    expect(bomb.length).toBeLessThan(1024 * 1024); // under the body limit: only the inflated size is a problem
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const res = await fetch(eventsUrl(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'X-Slack-Request-Timestamp': String(NOW_S), 'X-Slack-Signature': 'v0=00' },
        body: bomb,
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ code: 'unsupported_encoding', error: 'Komprimerade förfrågningar stöds inte.' });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
  });

  it.each(['deflate', 'br', 'GZIP'])('refuses Content-Encoding %s with 415', async (encoding) => {
    const res = await fetch(eventsUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body: '{}' });
    expect(res.status).toBe(415);
  });
});

describe('finding 14: chat import in Slack keeps the lines of a pasted CSV', () => {
  it('a kansli DM "importera tertialrapport" + CSV lines imports the rows', async () => {
    const csv = ['förbund;verksamhet;år;tertial;aktuella;nya;avslutade', 'umearegionen;vuxentorget;2024;T1;80;20;10', 'umearegionen;vuxentorget;2024;T2;82;12;10'];
    const res = await signedJson(event('D0IMPORT01', `importera tertialrapport\n${csv.join('\n')}`, { user: KANSLI }));
    expect(res.status).toBe(200);
    expect(said('D0IMPORT01')).toMatch(/Importerade 2 tertialrapporter/);
    const reports = t.state.read().tertialReports.filter((r) => r.year === 2024 && r.verksamhet === 'vuxentorget');
    expect(reports.map((r) => [r.tertial, r.participants.current])).toEqual([['T1', 80], ['T2', 82]]);
    expect(t.state.read().audit.at(-1)).toMatchObject({ actor: `slack:${KANSLI}`, action: 'tertial-import' });
  });
});

describe('finding 12: signed bodies with wrong field types, and markup in imported data', () => {
  const block = (overrides: Record<string, unknown>) => ({
    type: 'block_actions',
    team: { id: FAKE_BOT.teamId },
    user: { id: 'U0000USER' },
    channel: { id: 'D0TYPES01' },
    container: { type: 'message', message_ts: '1794999999.000001', channel_id: 'D0TYPES01' },
    actions: [{ action_id: 'samverkan_choice_0', value: 'hjälp' }],
    ...overrides,
  });
  const good = event('D0TYPES01', 'hjälp');
  const wrong: [string, () => Promise<{ status: number; text: string }>][] = [
    ['type is a number', () => signedJson({ ...good, type: 5 })],
    ['event_id is a number', () => signedJson({ ...good, event_id: 123 })],
    ['event is a string', () => signedJson({ ...good, event: 'hjälp' })],
    ['event.text is a number', () => signedJson({ ...good, event: { ...good.event, text: 42 } })],
    ['event.user is an object', () => signedJson({ ...good, event: { ...good.event, user: { id: 'U1' } } })],
    ['event.channel is an array', () => signedJson({ ...good, event: { ...good.event, channel: ['D0TYPES01'] } })],
    ['the body is an array', () => signedJson([good])],
    ['url_verification without a challenge string', () => signedJson({ type: 'url_verification', challenge: 7 })],
    ['a slash command without user_id', () => signedForm({ command: '/samverkan', text: 'hjälp', channel_id: 'D0TYPES01', response_url: fake.responseUrl('types') })],
    ['an interaction whose user is a string', () => signedForm({ payload: JSON.stringify(block({ user: 'U0000USER' })) })],
    ['an interaction whose actions are a string', () => signedForm({ payload: JSON.stringify(block({ actions: 'hjälp' })) })],
    ['an interaction whose container.is_ephemeral is a string', () => signedForm({ payload: JSON.stringify(block({ container: { message_ts: '1.2', is_ephemeral: 'ja' } })) })],
  ];

  it.each(wrong)('%s → 400 with a Swedish message, nothing sent', async (_name, send) => {
    const before = fake.calls.length;
    const res = await send();
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'invalid_slack_body' });
    expect(JSON.parse(res.text).error).toMatch(/^Förfrågan från Slack/);
    expect(fake.calls.length).toBe(before);
  });

  it('the same body with the right types is answered; an event we do not handle is acknowledged whatever its fields', async () => {
    expect((await signedJson(event('D0TYPES02', 'hjälp'))).status).toBe(200);
    expect(postsTo('D0TYPES02').length).toBeGreaterThan(0);
    const rename = { ...good, event_id: 'EvRENAME01', event: { type: 'channel_rename', channel: { id: 'C1', name: 'ny', created: 1 } } };
    expect((await signedJson(rename)).status).toBe(200);
  });

  it('imported *bold* and [label](url) stay text: plain_text in Slack, no link in the Teams card, escaped in the web HTML', async () => {
    const report = '*fet* och _kursiv_ [klicka här](https://evil.example/x)';
    const csv = ['förbund;verksamhet;år;tertial;aktuella;nya;avslutade;lägesrapport', `umearegionen;vuxentorget;2025;T1;70;10;5;"${report}"`];
    await signedJson(event('D0MARKUP01', `importera tertialrapport\n${csv.join('\n')}`, { user: KANSLI }));
    expect(said('D0MARKUP01')).toMatch(/Importerade 1 tertialrapport/);

    const question = 'Siffror T1 Vuxentorget 2025';
    await signedJson(event('D0MARKUP02', question));
    const posts = postsTo('D0MARKUP02');
    expect(said('D0MARKUP02')).toContain(report);
    const texts = JSON.stringify(posts.map((p) => p.args.blocks)).match(/\{"type":"(?:mrkdwn|plain_text)","text":"(?:[^"\\]|\\.)*"[^}]*\}/g) ?? [];
    const carrying = texts.filter((x) => x.includes('*fet*'));
    expect(carrying.length).toBeGreaterThan(0);
    for (const x of carrying) expect(x).toMatch(/^\{"type":"plain_text"/);
    // Our own formatting still works where nothing from data could format.
    expect(texts.some((x) => x.startsWith('{"type":"mrkdwn"'))).toBe(true);

    const replies = await t.core.ask({ channelId: 'msteams', conversationId: 'teams-markup', userId: 'u1', text: question });
    // The body is what hosts render as Markdown (fallbackText is shown as plain text).
    const cardJson = JSON.stringify(replies.map((r) => renderCard(r).body));
    expect(cardJson).toContain('klicka här');
    expect(cardJson).not.toMatch(/\[[^\]]*\]\(/); // no Markdown link left for the host to render
    const html = replies.map(renderReplyHtml).join('');
    expect(html).toContain('*fet* och _kursiv_ [klicka här](https://evil.example/x)');
    expect(html).not.toMatch(/<a\b|<strong|<em\b/);
  });
});

describe('finding 10: replay protection that survives a restart', () => {
  it('a signed slash command replayed within five minutes runs once', async () => {
    const fields = {
      token: 'legacy', team_id: FAKE_BOT.teamId, channel_id: 'C0REPLAY01', user_id: 'U0000USER', command: '/samverkan',
      text: 'Vad är Försäkringskassans organisationsnummer?', response_url: fake.responseUrl('replay-1'), trigger_id: '1.2.3',
    };
    const body = new URLSearchParams(fields).toString();
    const send = () => postSigned(eventsUrl(), body, { signingSecret: SECRET, timestampSeconds: NOW_S, contentType: 'application/x-www-form-urlencoded' });
    expect((await send()).status).toBe(200);
    const answered = fake.callsOf('response_url').filter((c) => c.responseId === 'replay-1').length;
    expect(answered).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    expect(fake.callsOf('response_url').filter((c) => c.responseId === 'replay-1')).toHaveLength(answered);
    expect(t.logLines.filter((l) => l.includes('slack_duplicate_request')).length).toBeGreaterThanOrEqual(3);
  });

  it('a signed event replayed after a restart (a new app over the same state file) runs once', async () => {
    const stateFile = path.join(await mkdtemp(path.join(tmpdir(), 'samverkan-replay-')), 'state.json');
    const api = await startFakeSlackApi();
    const start = () =>
      startTestApp({
        stateFile,
        env: { ...SLACK_ENV, SLACK_API_URL: api.apiUrl },
        routes: [slackRoutes({ ...BOT_IDS, processBeforeResponse: true, nowMs: () => NOW_S * 1000 })],
      });
    const body = JSON.stringify(event('D0REPLAY02', 'hjälp', { eventId: 'EvREPLAYAFTERRESTART' }));
    try {
      const first = await start();
      expect((await signedJson(body, first)).status).toBe(200);
      await first.stop();
      const answered = postsTo('D0REPLAY02', api).length;
      expect(answered).toBeGreaterThan(0);

      const second = await start();
      try {
        expect((await signedJson(body, second)).status).toBe(200);
        expect(postsTo('D0REPLAY02', api)).toHaveLength(answered);
        expect(Object.keys(second.state.read().slackSeen)).toContain('event:EvREPLAYAFTERRESTART');
      } finally {
        await second.stop();
      }
    } finally {
      await api.close();
    }
  });
});

describe('finding 9: the kansli group and posting are kansli-only', () => {
  const kansliSubs = () => t.state.read().subscriptions.filter((s) => s.group === 'kansli');

  it('anyone else asking to subscribe a channel to the kansli group is refused and nothing is stored', async () => {
    await signedJson(event('C0KANSLI01', 'prenumerera på påminnelser för kansliet', { mention: true }));
    expect(said('C0KANSLI01')).toMatch(/^Bara kansliet kan ändra/);
    expect(kansliSubs()).toEqual([]);
  });

  it('the kansli may subscribe its channel; others cannot unsubscribe it', async () => {
    await signedJson(event('C0KANSLI02', 'prenumerera på påminnelser för kansliet', { mention: true, user: KANSLI }));
    expect(said('C0KANSLI02')).toMatch(/^Klart/);
    expect(kansliSubs().map((s) => s.channelKey)).toEqual(['slack:C0KANSLI02']);

    await signedJson(event('C0KANSLI02', 'avsluta prenumeration för kansliet', { mention: true }));
    await signedJson(event('C0KANSLI02', 'avsluta prenumeration', { mention: true }));
    expect(postsTo('C0KANSLI02').slice(1).map((p) => shown(p.args.text))).toEqual([
      expect.stringMatching(/^Bara kansliet kan ändra/),
      expect.stringMatching(/^Bara kansliet kan ändra/),
    ]);
    expect(kansliSubs().map((s) => s.channelKey)).toEqual(['slack:C0KANSLI02']);
  });

  it('a member of a channel may still subscribe it to a group’s reminders', async () => {
    await signedJson(event('C0MEMBER01', 'prenumerera på påminnelser för SSG', { mention: true }));
    expect(said('C0MEMBER01')).toMatch(/^Klart/);
    expect(t.state.read().subscriptions.some((s) => s.channelKey === 'slack:C0MEMBER01' && s.group === 'ssg')).toBe(true);
  });

  it('posting a summary from Slack is refused for anyone but the kansli', async () => {
    await signedJson(event('D0POST0001', 'Posta T1-sammanfattning för Vuxentorget till styrgruppen'));
    expect(said('D0POST0001')).toBe(KANSLI_ONLY_TEXT);
    expect(t.state.read().audit.filter((a) => a.action === 'tertial-post')).toEqual([]);
  });
});
