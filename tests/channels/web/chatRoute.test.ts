import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CHAT_BODY_LIMIT, type ChatResponse } from '../../../src/channels/web/chatRoute.js';
import { createFakeCore } from '../../helpers/fakeCore.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

const chat = (body: unknown, headers?: Record<string, string>) => postJson(`${t.baseUrl}/chat`, body, headers);

describe('POST /chat round trip', () => {
  it('answers "hjälp" with Swedish help and returns a reusable conversation id', async () => {
    const first = await chat({ text: 'hjälp' });
    expect(first.status).toBe(200);
    const body = first.json as ChatResponse;
    expect(body.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.replies.length).toBeGreaterThan(0);
    const helpText = body.replies.map((r) => r.text).join('\n');
    expect(helpText).toMatch(/Det här kan jag/);
    expect(body.html).toHaveLength(body.replies.length);
    expect(body.html[0]).toMatch(/^<div class="reply">/);

    const second = await chat({ conversationId: body.conversationId, text: 'hej' });
    expect(second.status).toBe(200);
    expect((second.json as ChatResponse).conversationId).toBe(body.conversationId);
    expect((second.json as ChatResponse).replies.length).toBeGreaterThan(0);
  });

  it('starts a new conversation for each request without an id', async () => {
    const a = (await chat({ text: 'hej' })).json as ChatResponse;
    const b = (await chat({ text: 'hej', conversationId: null })).json as ChatResponse;
    expect(a.conversationId).not.toBe(b.conversationId);
  });

  it('accepts a question of exactly 2,000 characters', async () => {
    const res = await chat({ text: `hjälp ${'a'.repeat(1994)}` });
    expect(res.status).toBe(200);
  });
});

describe('POST /chat bad input', () => {
  interface BadCase { name: string; body: unknown; status: number; code: string; headers?: Record<string, string> }
  const cases: BadCase[] = [
    { name: 'invalid JSON', body: '{"text": "hej', status: 400, code: 'invalid_json' },
    { name: 'a JSON string instead of an object', body: '"hjälp"', status: 400, code: 'invalid_body' },
    { name: 'a JSON array', body: '[{"text": "hjälp"}]', status: 400, code: 'invalid_body' },
    { name: 'an empty body', body: '', status: 400, code: 'invalid_body' },
    { name: 'JSON sent as text/plain', body: '{"text":"hjälp"}', status: 400, code: 'invalid_body', headers: { 'Content-Type': 'text/plain' } },
    { name: 'missing text', body: { conversationId: randomUUID() }, status: 400, code: 'missing_text' },
    { name: 'empty text', body: { text: '' }, status: 400, code: 'empty_text' },
    { name: 'whitespace-only text', body: { text: ' \n\t ' }, status: 400, code: 'empty_text' },
    { name: 'non-string text', body: { text: 42 }, status: 400, code: 'invalid_text' },
    { name: 'text as an object', body: { text: { value: 'hjälp' } }, status: 400, code: 'invalid_text' },
    { name: 'text over 2,000 characters', body: { text: 'a'.repeat(2001) }, status: 400, code: 'text_too_long' },
    { name: 'an unknown conversationId', body: { conversationId: randomUUID(), text: 'hej' }, status: 400, code: 'unknown_conversation' },
    { name: 'a malformed conversationId', body: { conversationId: '../../etc/passwd', text: 'hej' }, status: 400, code: 'invalid_conversation_id' },
    { name: 'a non-string conversationId', body: { conversationId: 7, text: 'hej' }, status: 400, code: 'invalid_conversation_id' },
    { name: 'a body over 64 KB', body: { text: 'a'.repeat(CHAT_BODY_LIMIT) }, status: 413, code: 'too_large' },
  ];

  it.each(cases)('$name → $status with a Swedish message', async ({ body, status, code, headers }) => {
    const res = await chat(body, headers);
    expect(res.status).toBe(status);
    const json = res.json as { error: string; code: string };
    expect(json.code).toBe(code);
    // Swedish: every message uses å, ä or ö, names the field, or tells the user to start over.
    expect(json.error).toMatch(/[åäöÅÄÖ]|"text"|Starta ett nytt samtal/);
    expect(json.error).not.toMatch(/Invalid|Error|exceeds/);
  });

  it('refuses compressed bodies (restify would inflate them past the limit)', async () => {
    const body = gzipSync(JSON.stringify({ text: 'a'.repeat(10 * 1024 * 1024) }));
    expect(body.length).toBeLessThan(CHAT_BODY_LIMIT);
    const res = await fetch(`${t.baseUrl}/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body,
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'Komprimerade förfrågningar stöds inte.', code: 'unsupported_encoding' });
  });

  it('answers 413 also to a body far over the limit', async () => {
    const res = await chat({ text: 'x'.repeat(5 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect((res.json as { error: string }).error).toBe('Förfrågan är för stor (högst 64 kB).');
  });

  it('answers routes and methods it does not have in Swedish, never 500', async () => {
    const get = await fetch(`${t.baseUrl}/chat`);
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({ error: 'Metoden stöds inte för den här adressen.', code: 'method_not_allowed' });
    const missing = await fetch(`${t.baseUrl}/finns-inte`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Sidan finns inte.', code: 'not_found' });
  });

  it('has logged no server error and no user text, and is still healthy', async () => {
    await chat({ text: 'HEMLIG-FRÅGA-4711' });
    await chat({ text: 'HEMLIG-FRÅGA-4712 {' + 'a'.repeat(3000) });
    await chat('{"text": "HEMLIG-FRÅGA-4713');
    expect(t.logLines.join('\n')).not.toContain('HEMLIG');
    expect(t.logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    expect(t.logLines.some((line) => line.includes('"event":"http_client_error"'))).toBe(true);
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('POST /chat conversation ids', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses "%s" as an unknown conversation (not a member of Object.prototype)', async (conversationId) => {
    const res = await chat({ conversationId, text: 'hej' });
    expect(res.status).toBe(400);
    expect((res.json as { code: string }).code).toBe('unknown_conversation');
  });
});

describe('POST /chat identity', () => {
  it('makes every web conversation its own anonymous user', async () => {
    const core = createFakeCore();
    const app = await startTestApp({ core: () => core });
    try {
      const a = (await postJson(`${app.baseUrl}/chat`, { text: 'hej' })).json as ChatResponse;
      await postJson(`${app.baseUrl}/chat`, { text: 'igen', conversationId: a.conversationId });
      const b = (await postJson(`${app.baseUrl}/chat`, { text: 'hej' })).json as ChatResponse;
      expect(core.turns.map((turn) => [turn.channelId, turn.conversationId, turn.userId])).toEqual([
        ['web', a.conversationId, `anon-${a.conversationId}`],
        ['web', a.conversationId, `anon-${a.conversationId}`],
        ['web', b.conversationId, `anon-${b.conversationId}`],
      ]);
    } finally {
      await app.stop();
    }
  });
});
