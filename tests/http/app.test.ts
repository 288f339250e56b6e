import type restify from 'restify';
import type { RouteInstaller } from '../../src/app.js';
import { ClientError, SERVER_ERROR_MESSAGE } from '../../src/http/errors.js';
import { jsonBody } from '../../src/http/jsonBody.js';
import { createFakeCore } from '../helpers/fakeCore.js';
import { bundledData, postJson, startTestApp, type TestApp } from '../helpers/httpApp.js';

/** Routes a later edge might add: they use the extension point exactly as /slack/events will. */
const extraRoutes: RouteInstaller = (server, context) => {
  server.post('/test/raw', ...jsonBody(1024), async (req: restify.Request, res: restify.Response) => {
    res.json(200, { rawBody: String(req.rawBody), parsed: req.body as unknown, dataVersion: context.data.version });
  });
  server.get('/test/client-error', async () => {
    throw new ClientError(409, 'Det här går inte just nu.', 'conflict');
  });
  server.get('/test/crash', async () => {
    throw new Error('boom from a route');
  });
};

describe('the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ routes: [extraRoutes] });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('GET /healthz reports ok and the loaded data version', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    const data = await bundledData();
    expect(await res.json()).toEqual({ status: 'ok', dataVersion: data.version });
    expect(data.version).toMatch(/\w{6,}/);
  });

  it('GET / serves the self-contained Swedish chat page with a strict CSP', async () => {
    const res = await fetch(`${t.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<label for="message">');
    expect(html).toContain('role="log" aria-live="polite"');
    // No CDN or any other origin: everything is inline.
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toContain('{{');
  });

  it('lets route installers parse their own bodies and keeps the raw body', async () => {
    const res = await postJson(`${t.baseUrl}/test/raw`, '{"a": 1,  "b":"å"}');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ rawBody: '{"a": 1,  "b":"å"}', parsed: { a: 1, b: 'å' }, dataVersion: (await bundledData()).version });
    const tooLarge = await postJson(`${t.baseUrl}/test/raw`, { a: 'x'.repeat(2000) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toEqual({ error: 'Förfrågan är för stor (högst 1 kB).', code: 'too_large' });
  });

  it('shows a ClientError thrown by a route as is', async () => {
    const res = await fetch(`${t.baseUrl}/test/client-error`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'Det här går inte just nu.', code: 'conflict' });
  });

  it('answers a crashing route with one plain Swedish line, logs it with context, and keeps running', async () => {
    const res = await fetch(`${t.baseUrl}/test/crash`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: SERVER_ERROR_MESSAGE, code: 'server_error' });
    const logged = t.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.event === 'http_error');
    expect(logged).toMatchObject({ level: 'error', method: 'GET', route: '/test/crash', status: 500, errorMessage: 'boom from a route' });
    expect(typeof logged?.requestId).toBe('string');
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });

  it('answers an empty favicon instead of a 404', async () => {
    expect((await fetch(`${t.baseUrl}/favicon.ico`)).status).toBe(204);
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, lets the turn in flight finish, then flushes', async () => {
    const core = createFakeCore({ delayMs: 400 });
    let flushed = 0;
    const flush = core.flush.bind(core);
    core.flush = async () => {
      flushed += 1;
      await flush();
    };
    const t = await startTestApp({ core: () => core });
    const inFlight = postJson(`${t.baseUrl}/chat`, { text: 'hjälp' });
    // Wait until the turn has reached the core, then shut down while it is running.
    while (core.turns.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopping = t.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${t.baseUrl}/healthz`)).rejects.toThrow();
    expect(flushed).toBe(0);

    const res = await inFlight;
    expect(res.status).toBe(200);
    await stopping;
    expect(flushed).toBe(1);
  });
});
