import { jest } from '@jest/globals';
import { startFakeBotConnector, type FakeBotConnector } from '../../helpers/fakeBotConnector.js';
import { postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';
import {
  guardOutboundConnections,
  OUTGOING_TEST_TOKEN,
  signJwt,
  startLocalBotFrameworkIdentity,
  type LocalBotFrameworkIdentity,
} from '../../helpers/localBotFrameworkAuth.js';
import { TEAMS_BOT, teamsMessage } from '../../helpers/teamsActivity.js';

/**
 * /api/messages with Bot Framework credentials configured. No test reaches the internet: the
 * signing keys come from a local OpenID server, the bot's own token from a test credentials
 * factory, and a socket-level guard refuses (and records) any connection off 127.0.0.1.
 */
const APP_ID = '11111111-2222-3333-4444-555555555555';
const ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'hemligt-lösenord', MicrosoftAppTenantId: 'tenant-1' };

let t: TestApp;
let connector: FakeBotConnector;
let identity: LocalBotFrameworkIdentity;
let guard: ReturnType<typeof guardOutboundConnections>;

beforeAll(async () => {
  // botbuilder prints refused tokens (and the keys it knows) with console.error; the 401 is what counts here.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  guard = guardOutboundConnections();
  connector = await startFakeBotConnector();
  identity = await startLocalBotFrameworkIdentity();
  t = await startTestApp({ env: ENV, botFrameworkAuth: identity.hooks(APP_ID) });
});
afterAll(async () => {
  await t.stop();
  await connector.close();
  await identity.close();
  guard.restore();
  jest.restoreAllMocks();
});
afterEach(() => {
  expect(guard.attempts).toEqual([]);
});

function activity(text = 'hjälp'): Record<string, unknown> {
  return teamsMessage({ serviceUrl: connector.serviceUrl, scope: 'personal', text });
}

async function expectRefused(headers: Record<string, string>): Promise<void> {
  const before = connector.calls.length;
  const res = await postJson(`${t.baseUrl}/api/messages`, activity(), headers);
  expect(res.status).toBe(401);
  expect(res.json).toEqual({ error: 'Ogiltig eller saknad Bot Framework-token.', code: 'unauthorized' });
  // Nothing processed: no reply, no conversation state.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(connector.calls.length).toBe(before);
  expect(Object.keys(t.state.read().conversations)).toEqual([]);
  expect(Object.keys(t.state.read().botState)).toEqual([]);
}

describe('/api/messages with credentials (SingleTenant)', () => {
  it('(self-check) the guard notices a connection off this machine, so its silence below means something', async () => {
    await expect(fetch('https://login.botframework.com/v1/.well-known/openidconfiguration')).rejects.toThrow();
    expect(guard.attempts).toEqual(['login.botframework.com']);
    guard.attempts.length = 0;
  });

  it('refuses a request without a token with 401, before fetching any keys', async () => {
    await expectRefused({});
    expect(identity.fetched).toEqual([]);
  });

  it('refuses a token that is not a JWT with 401', async () => {
    await expectRefused({ Authorization: 'Bearer inte-en-token' });
  });

  it('refuses a non-Bearer scheme with 401', async () => {
    await expectRefused({ Authorization: `Basic ${Buffer.from('bot:lösen').toString('base64')}` });
  });

  it('refuses a token signed with a key the Bot Framework metadata does not list (401, keys fetched locally)', async () => {
    await expectRefused({ Authorization: `Bearer ${identity.token(APP_ID, connector.serviceUrl, {}, identity.stranger)}` });
    expect(identity.fetched).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
  });

  // botbuilder's own CloudAdapter.process answers this one with 500 (jsonwebtoken's error escapes unwrapped).
  it('refuses a token with a forged signature under the trusted key id (401, not 500)', async () => {
    const forged = signJwt(identity.stranger.key, identity.trusted.kid, { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: connector.serviceUrl, exp: Math.floor(Date.now() / 1000) + 600 });
    await expectRefused({ Authorization: `Bearer ${forged}` });
  });

  it('refuses a valid signature for another bot (wrong audience)', async () => {
    await expectRefused({ Authorization: `Bearer ${identity.token('99999999-9999-9999-9999-999999999999', connector.serviceUrl)}` });
    // The log says why (never the token).
    const refused = t.logLines.filter((l) => l.includes('botframework_auth_refused')).at(-1) ?? '';
    expect(refused).toMatch(/Invalid AppId passed on token/);
    expect(refused).not.toMatch(/eyJ/);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    await expectRefused({ Authorization: `Bearer ${identity.token(APP_ID, connector.serviceUrl, { exp: past, nbf: past - 60, iat: past - 60 })}` });
  });

  it('refuses a token issued for another serviceUrl', async () => {
    await expectRefused({ Authorization: `Bearer ${identity.token(APP_ID, 'https://smba.trafficmanager.net/emea/')}` });
  });

  it('accepts a valid channel token and replies with the bot\'s own token (positive control)', async () => {
    const res = await postJson(`${t.baseUrl}/api/messages`, activity('hjälp'), { Authorization: `Bearer ${identity.token(APP_ID, connector.serviceUrl)}` });
    expect(res.status).toBe(200);
    const [reply] = await connector.waitForCalls(1);
    expect(reply?.authorization).toBe(OUTGOING_TEST_TOKEN);
    expect((reply?.body as { from?: { id: string } }).from?.id).toBe(TEAMS_BOT.id);
  });
});
