import { gzipSync } from 'node:zlib';
import { ACTIVITY_BODY_LIMIT } from '../../../src/channels/botframework/messagesRoute.js';
import { renderText } from '../../../src/core/renderText.js';
import { tooLongText } from '../../../src/core/textLimit.js';
import { REPLY_CHANNEL_DATA_KEY, replySchema } from '../../../src/core/reply.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../helpers/fakeBotConnector.js';
import { isEmulatorUrl, kansliUsersFor } from '../../../src/channels/botframework/localMode.js';
import { KANSLI_ONLY_TEXT } from '../../../src/core/roles.js';
import { guardOutboundConnections } from '../../helpers/localBotFrameworkAuth.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';

let t: TestApp;
let connector: FakeBotConnector;
/** Another local service that a forged serviceUrl could point at. */
let victim: FakeBotConnector;
const guard = guardOutboundConnections();
beforeAll(async () => {
  connector = await startFakeBotConnector();
  victim = await startFakeBotConnector();
  t = await startTestApp({ env: { EMULATOR_URL: connector.serviceUrl, KANSLI_USERS: KANSLI_USERS.join(',') } });
});
afterAll(async () => {
  await t.stop();
  await connector.close();
  await victim.close();
  guard.restore();
  // Nothing went beyond 127.0.0.1 (e.g. the public Bot Connector for a missing serviceUrl).
  expect(guard.attempts).toEqual([]);
});

/** Kansli entries a forged local-mode activity might name. */
const KANSLI_USERS = ['slack:U0KANSLI', 'msteams:29:kansli', 'emulator:kansli'];

function messageActivity(id: string, conversationId: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    channelId: 'emulator',
    serviceUrl: connector.serviceUrl,
    timestamp: '2026-11-23T09:00:00.000Z',
    locale: 'sv-SE',
    from: { id: 'user-1', name: 'Handläggare' },
    recipient: { id: 'bot-1', name: 'Samverkansboten' },
    conversation: { id: conversationId },
    text,
  };
}

describe('POST /api/messages (Bot Framework, unauthenticated local mode)', () => {
  it('runs the turn and POSTs the reply to the connector named by serviceUrl', async () => {
    const res = await postJson(`${t.baseUrl}/api/messages`, messageActivity('act-1', 'conv-1', 'hjälp'));
    expect(res.status).toBe(200);

    const [call] = await connector.waitForCalls(1);
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/v3/conversations/conv-1/activities/act-1');
    // Unauthenticated mode sends no token.
    expect(call?.authorization).toBeUndefined();
    const reply = call?.body as { type: string; text: string; replyToId: string; channelData: Record<string, unknown> };
    expect(reply.type).toBe('message');
    expect(reply.replyToId).toBe('act-1');
    expect(reply.text).toMatch(/Det här kan jag/);
    // The channel-neutral Reply travels along, for channel renderers.
    const carried = replySchema.parse(reply.channelData[REPLY_CHANNEL_DATA_KEY]);
    expect(reply.text).toBe(renderText(carried));
  });

  it.each<[string, unknown]>([
    ['an object without type', { id: 'x', text: 'hjälp', conversation: { id: 'c' } }],
    ['an empty type', { type: '', conversation: { id: 'c' } }],
    ['a non-string type', { type: 5 }],
    ['a JSON string', '"message"'],
    ['a JSON array', '[]'],
    ['a conversation without id', { type: 'message', conversation: {} }],
  ])('refuses %s with 400 before the adapter', async (_name, body) => {
    const before = connector.calls.length;
    const res = await postJson(`${t.baseUrl}/api/messages`, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: 'Ogiltig aktivitet: ett JSON-objekt med fältet "type" krävs.', code: 'invalid_activity' });
    expect(connector.calls.length).toBe(before);
  });

  it('refuses invalid JSON with 400', async () => {
    const res = await postJson(`${t.baseUrl}/api/messages`, '{"type":');
    expect(res.status).toBe(400);
    expect((res.json as { code: string }).code).toBe('invalid_json');
  });
});

describe('unauthenticated local mode: replies go only to EMULATOR_URL (issue 15, finding 4)', () => {
  const port = (url: string): string => new URL(url).port;
  // Every spelling of this machine: each names the other local service, or the configured port spelled differently.
  const spellings = (p: string): string[] => [
    `http://127.0.0.1:${p}/`,
    `http://127.1:${p}/`,
    `http://localhost:${p}/`,
    `http://[::1]:${p}/`,
    `http://0x7f000001:${p}/`,
    `http://2130706433:${p}/`,
    `http://127.0.0.2:${p}/`,
    `http://[::ffff:127.0.0.1]:${p}/`,
    `http://LOCALHOST.:${p}/`,
    `http://0177.0.0.1:${p}/`,
  ];
  const refused = (): string[] => [
    ...spellings(port(victim.serviceUrl)),
    ...spellings(port(connector.serviceUrl)).filter((url) => url !== connector.serviceUrl),
    `${connector.serviceUrl}annan/sökväg/`,
    'https://smba.trafficmanager.net/emea/',
    'http://10.0.0.8:3978/',
    'file:///etc/passwd',
    'inte en adress',
  ];

  it('refuses every other serviceUrl, however this machine is spelled, and neither service hears of it', async () => {
    const urls = refused();
    expect(urls).toHaveLength(24);
    for (const serviceUrl of urls) {
      const res = await postJson(`${t.baseUrl}/api/messages`, { ...messageActivity('act-9', 'conv-9', 'hjälp'), serviceUrl });
      expect({ serviceUrl, status: res.status, code: (res.json as { code: string }).code }).toEqual({ serviceUrl, status: 403, code: 'unauthenticated_remote' });
    }
    expect(victim.calls).toHaveLength(0);
    expect(connector.calls.filter((c) => c.path.includes('conv-9'))).toHaveLength(0);
  });

  it('refuses an activity without serviceUrl and calls nobody (not the public Bot Connector)', async () => {
    const { serviceUrl: _omitted, ...activity } = messageActivity('act-10', 'conv-10', 'hjälp');
    const res = await postJson(`${t.baseUrl}/api/messages`, activity);
    expect(res.status).toBe(403);
    expect((res.json as { code: string }).code).toBe('unauthenticated_remote');
    expect(guard.attempts).toEqual([]);
    expect(connector.calls.filter((c) => c.path.includes('conv-10'))).toHaveLength(0);
  });

  it('accepts the configured URL also without its trailing slash', async () => {
    const before = connector.calls.length;
    const res = await postJson(`${t.baseUrl}/api/messages`, { ...messageActivity('act-11', 'conv-11', 'hjälp'), serviceUrl: connector.serviceUrl.replace(/\/$/, '') });
    expect(res.status).toBe(200);
    expect((await connector.waitForCalls(before + 1))[before]?.path).toBe('/v3/conversations/conv-11/activities/act-11');
  });

  it('without EMULATOR_URL answers no activity, with a Swedish message saying what to set', async () => {
    const other = await startTestApp();
    try {
      const res = await postJson(`${other.baseUrl}/api/messages`, messageActivity('act-12', 'conv-12', 'hjälp'));
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: expect.stringContaining('Sätt EMULATOR_URL'), code: 'emulator_url_missing' });
    } finally {
      await other.stop();
    }
    expect(connector.calls.filter((c) => c.path.includes('conv-12'))).toHaveLength(0);
  });
});

describe('unauthenticated local mode: nobody acts as the kansli (issue 15, finding 2)', () => {
  const IMPORT = 'importera tertialrapport\nförbund;verksamhet;år;tertial;aktuella;nya;avslutade;avslut_arbete\numearegionen;vuxentorget;2024;T1;80;20;10;4';
  const asUser = (channelId: string, userId: string, id: string): Record<string, unknown> => ({
    ...messageActivity(id, `conv-${id}`, IMPORT),
    channelId,
    from: { id: userId, name: 'Kansliet' },
  });
  const nothingStored = (): void => {
    expect(t.state.read().tertialReports).toHaveLength(0);
    expect(t.state.read().audit).toHaveLength(0);
  };

  it.each(['slack', 'web', 'cli', 'webchat', 'directline', 'MSTEAMS', ''])('refuses channelId "%s" with 401, runs no turn and imports nothing', async (channelId) => {
    const before = connector.calls.length;
    const res = await postJson(`${t.baseUrl}/api/messages`, asUser(channelId, 'U0KANSLI', `imp-${channelId || 'tom'}`));
    expect(res.status).toBe(401);
    expect((res.json as { code: string }).code).toBe('unauthenticated_channel');
    expect(connector.calls.length).toBe(before);
    nothingStored();
  });

  it.each([
    ['msteams', '29:kansli'],
    ['emulator', 'kansli'],
  ])('a %s activity from the KANSLI_USERS id %s runs as an ordinary user: refused, nothing imported', async (channelId, userId) => {
    const before = connector.calls.length;
    const res = await postJson(`${t.baseUrl}/api/messages`, asUser(channelId, userId, `imp-${channelId}`));
    expect(res.status).toBe(200);
    const reply = (await connector.waitForCalls(before + 1))[before]?.body as { text?: string; summary?: string; attachments?: { content: { fallbackText?: string } }[] };
    expect(reply.text ?? reply.attachments?.[0]?.content.fallbackText).toContain(KANSLI_ONLY_TEXT);
    nothingStored();
  });
});

describe('local mode helpers', () => {
  it.each([
    ['http://localhost:52885', 'http://localhost:52885', true],
    ['http://localhost:52885/', 'http://localhost:52885', true],
    ['http://localhost:52885', 'http://localhost:52885/', true],
    ['http://127.0.0.1:52885', 'http://localhost:52885', false],
    ['http://localhost:52886', 'http://localhost:52885', false],
    ['http://localhost:52885/x', 'http://localhost:52885', false],
  ])('isEmulatorUrl(%s, %s) → %s', (serviceUrl, configured, expected) => {
    expect(isEmulatorUrl(serviceUrl, configured)).toBe(expected);
  });

  it('isEmulatorUrl is false without either URL', () => {
    expect(isEmulatorUrl(undefined, 'http://localhost:1/')).toBe(false);
    expect(isEmulatorUrl('http://localhost:1/', undefined)).toBe(false);
  });

  it('kansliUsersFor drops the local-mode channels only without MicrosoftAppId', () => {
    expect(kansliUsersFor({ KANSLI_USERS })).toEqual(['slack:U0KANSLI']);
    expect(kansliUsersFor({ KANSLI_USERS, MicrosoftAppId: 'app' })).toEqual(KANSLI_USERS);
    expect(kansliUsersFor({})).toBeUndefined();
  });
});

describe('POST /api/messages with a compressed body', () => {
  it.each(['gzip', 'GZIP', 'deflate', 'br', 'gzip, identity'])('refuses Content-Encoding %s with 415 before inflating or parsing it', async (encoding) => {
    const before = connector.calls.length;
    // 10 MB of activity text in a body of about 10 kB: inflated, it would be far over the 256 kB limit.
    const body = gzipSync(JSON.stringify(messageActivity('act-gz', 'conv-gz', 'a'.repeat(10 * 1024 * 1024))));
    expect(body.length).toBeLessThan(ACTIVITY_BODY_LIMIT);
    const res = await fetch(`${t.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding }, body });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'Komprimerade förfrågningar stöds inte.', code: 'unsupported_encoding' });
    expect(connector.calls.length).toBe(before);
  });
});

describe('POST /api/messages with 200 KB of text (issue 15, finding 3)', () => {
  it('answers with the Swedish length message, and /healthz answers in parallel', async () => {
    const before = connector.calls.length;
    const text = 'Vem kontaktar jag på psykiatrin? '.repeat(6400);
    expect(text.length).toBeGreaterThan(200 * 1000);
    const [res, health] = await Promise.all([
      postJson(`${t.baseUrl}/api/messages`, messageActivity('act-long', 'conv-long', text)),
      fetch(`${t.baseUrl}/healthz`).then(async (r) => ({ status: r.status, json: (await r.json()) as { status: string } })),
    ]);
    expect(health).toEqual({ status: 200, json: expect.objectContaining({ status: 'ok' }) });
    expect(res.status).toBe(200);
    const calls = await connector.waitForCalls(before + 1);
    const reply = calls[before]?.body as { text: string };
    expect(reply.text).toBe(tooLongText(text.trim().length));
    expect(calls).toHaveLength(before + 1);
  });
});
