import { TokenBuckets } from '../../src/http/rateLimit.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fakeBotConnector.js';
import { postJson, startTestApp, type TestApp } from '../helpers/httpApp.js';

/** Per-client rate limits on the anonymous endpoints (issue 15, finding 13). */

describe('TokenBuckets (time handed in, in ms)', () => {
  it('lets a burst through, then one request per refill interval', () => {
    const buckets = new TokenBuckets({ perMinute: 6, burst: 2 });
    expect(buckets.take('a', 0)).toEqual({ ok: true });
    expect(buckets.take('a', 0)).toEqual({ ok: true });
    // 6 per minute = one token per 10 s.
    expect(buckets.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(buckets.take('a', 4_000)).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect(buckets.take('a', 10_000)).toEqual({ ok: true });
    expect(buckets.take('a', 10_000)).toEqual({ ok: false, retryAfterSeconds: 10 });
    // Refilled, never above the burst.
    expect(buckets.take('a', 1_000_000)).toEqual({ ok: true });
    expect(buckets.take('a', 1_000_000)).toEqual({ ok: true });
    expect(buckets.take('a', 1_000_000).ok).toBe(false);
  });

  it('keeps clients apart', () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1 });
    expect(buckets.take('a', 0).ok).toBe(true);
    expect(buckets.take('a', 0).ok).toBe(false);
    expect(buckets.take('b', 0).ok).toBe(true);
  });

  it('remembers at most maxClients, forgetting the least recently seen', () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1, maxClients: 100 });
    for (let i = 0; i < 1000; i++) buckets.take(`client-${i}`, 0);
    expect(buckets.size).toBe(100);
    // The newest is still held to its limit.
    expect(buckets.take('client-999', 0).ok).toBe(false);
  });
});

describe('POST /chat and /api/messages over the limit', () => {
  let t: TestApp;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
    // Three at once, then one a minute: the fourth request in a row is over the limit whatever the machine's speed.
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '3', EMULATOR_URL: connector.serviceUrl } });
  });
  afterAll(async () => {
    await t.stop();
    await connector.close();
  });

  const expectRateLimited = (res: { status: number; json: unknown; headers: Headers }): void => {
    expect(res.status).toBe(429);
    expect(res.json).toEqual({ error: expect.stringMatching(/^För många förfrågningar på kort tid\. Vänta \d+ sekunder? och försök igen\.$/), code: 'rate_limited' });
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it('answers 429 with Retry-After and a Swedish message to the fourth /chat request, and /healthz still answers', async () => {
    for (let i = 0; i < 3; i++) expect((await postJson(`${t.baseUrl}/chat`, { text: 'hjälp' })).status).toBe(200);
    expectRateLimited(await postJson(`${t.baseUrl}/chat`, { text: 'hjälp' }));
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it('limits the local mode of /api/messages the same way; refused activities reach nobody', async () => {
    const activity = (n: number) => ({
      type: 'message', id: `rl-${n}`, channelId: 'emulator', serviceUrl: connector.serviceUrl,
      from: { id: 'u' }, recipient: { id: 'bot' }, conversation: { id: 'rl' }, text: 'hjälp',
    });
    for (let n = 0; n < 3; n++) expect((await postJson(`${t.baseUrl}/api/messages`, activity(n))).status).toBe(200);
    await connector.waitForCalls(3);
    expectRateLimited(await postJson(`${t.baseUrl}/api/messages`, activity(3)));
    expect(connector.calls.map((c) => c.path)).not.toContain('/v3/conversations/rl/activities/rl-3');
  });
});
