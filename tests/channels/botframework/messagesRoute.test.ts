import { renderText } from '../../../src/core/renderText.js';
import { tooLongText } from '../../../src/core/textLimit.js';
import { REPLY_CHANNEL_DATA_KEY, replySchema } from '../../../src/core/reply.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../helpers/fakeBotConnector.js';
import { isLoopbackUrl } from '../../../src/channels/botframework/messagesRoute.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';

let t: TestApp;
let connector: FakeBotConnector;
beforeAll(async () => {
  connector = await startFakeBotConnector();
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
  await connector.close();
});

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

  it.each(['https://smba.trafficmanager.net/emea/', 'http://10.0.0.8:3978/', 'file:///etc/passwd', 'inte en adress'])(
    'refuses serviceUrl %s in unauthenticated mode, so nobody can make the bot POST elsewhere',
    async (serviceUrl) => {
      const before = connector.calls.length;
      const res = await postJson(`${t.baseUrl}/api/messages`, { ...messageActivity('act-9', 'conv-9', 'hjälp'), serviceUrl });
      expect(res.status).toBe(403);
      expect((res.json as { code: string }).code).toBe('unauthenticated_remote');
      expect(connector.calls.length).toBe(before);
    },
  );

  it('refuses invalid JSON with 400', async () => {
    const res = await postJson(`${t.baseUrl}/api/messages`, '{"type":');
    expect(res.status).toBe(400);
    expect((res.json as { code: string }).code).toBe('invalid_json');
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

describe('isLoopbackUrl', () => {
  it.each([
    ['http://localhost:3978/', true],
    ['http://127.0.0.1:1234/', true],
    ['http://[::1]:80/', true],
    ['https://localhost.evil.example/', false],
    ['http://127.0.0.1.nip.io/', false],
    ['ftp://127.0.0.1/', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
