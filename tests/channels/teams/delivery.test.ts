import { createServer } from 'node:net';
import type { AdaptiveCard } from '../../../src/channels/teams/renderCard.js';
import { TeamsDeliveryChannel } from '../../../src/channels/teams/deliveryChannel.js';
import { createMemoryLogger } from '../../../src/core/log.js';
import type { Reply } from '../../../src/core/reply.js';
import { createDeliveryRegistry, type DeliveryChannel, type DeliveryRegistry, type TargetOf } from '../../../src/delivery/types.js';
import { calendarFromData } from '../../../src/domain/calendar/fromData.js';
import { upcomingReminders } from '../../../src/reminders/due.js';
import type { Subscription } from '../../../src/reminders/schema.js';
import { createKansliReporter, ReminderScheduler } from '../../../src/reminders/scheduler.js';
import { guardOutboundConnections, startLocalBotFrameworkIdentity, type LocalBotFrameworkIdentity } from '../../helpers/localBotFrameworkAuth.js';
import { startFakeBotConnector, type FakeBotConnector, type FakeConnectorResponse } from '../../helpers/fakeBotConnector.js';
import { bundledData, postJson, startTestApp, type TestApp } from '../../helpers/httpApp.js';
import { teamsMessage, TEAMS_BOT } from '../../helpers/teamsActivity.js';

/**
 * Proactive delivery to Teams (with Bot Framework credentials and locally signed tokens, as
 * Teams sends them): a channel subscribes in a thread (the årshjul dialog stores the
 * conversation reference in the state file), the server restarts, and the reminder goes out
 * through the stored reference to the fake Bot Connector. Failures as the connector reports them.
 */

const APP_ID = '11111111-2222-3333-4444-555555555555';
const ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'hemligt-lösenord', MicrosoftAppTenantId: 'tenant-1' };

let connector: FakeBotConnector;
let identity: LocalBotFrameworkIdentity;
/** Answers for the next calls, in order; empty = 200. */
let plan: FakeConnectorResponse[] = [];
const apps: TestApp[] = [];

const guard = guardOutboundConnections();
beforeAll(async () => {
  connector = await startFakeBotConnector({ respond: () => plan.shift() });
  identity = await startLocalBotFrameworkIdentity();
});
afterEach(async () => {
  plan = [];
  await Promise.all(apps.splice(0).map((a) => a.stop()));
});
afterAll(async () => {
  await connector.close();
  await identity.close();
  guard.restore();
  expect(guard.attempts).toEqual([]);
});

const THREAD = '19:kanal-styrgrupp@thread.tacv2;messageid=1700000000123';
const CHANNEL = '19:kanal-styrgrupp@thread.tacv2';

/** The app with Bot Framework credentials (verified tokens), or with `local`, in the unauthenticated local mode. */
async function app(options: { stateFile?: string; env?: Record<string, string>; local?: boolean } = {}): Promise<{ t: TestApp; delivery: DeliveryRegistry }> {
  const delivery = createDeliveryRegistry();
  const { local, ...rest } = options;
  const auth = local === true ? {} : { botFrameworkAuth: identity.hooks(APP_ID) };
  const t = await startTestApp({ delivery, ...auth, ...rest, env: { ...(local === true ? {} : ENV), EMULATOR_URL: connector.serviceUrl, ...options.env } });
  apps.push(t);
  return { t, delivery };
}

/** Subscribes the channel to the styrelse's reminders by @-mentioning the bot in a thread. */
async function subscribe(t: TestApp, conversationId = THREAD): Promise<Subscription> {
  const before = connector.calls.length;
  const activity = teamsMessage({ serviceUrl: connector.serviceUrl, scope: 'channel', conversationId, mention: true, text: 'prenumerera på påminnelser för styrelsen' });
  // A verified token: only then does the request show the user is in the channel (src/core/membership.ts).
  const authorization = `Bearer ${identity.token(APP_ID, connector.serviceUrl)}`;
  expect((await postJson(`${t.baseUrl}/api/messages`, activity, { Authorization: authorization })).status).toBe(200);
  await connector.waitForCalls(before + 1);
  const subs = t.state.read().subscriptions.filter((s) => s.group === 'styrelse' && s.status === 'active');
  expect(subs).toHaveLength(1);
  return subs[0] as Subscription;
}

function teamsTarget(sub: Subscription): TargetOf<'teams'> {
  if (sub.target.kind !== 'teams') throw new Error(`expected a Teams target, got ${sub.target.kind}`);
  return sub.target;
}

const REMINDER: Reply = { text: 'Påminnelse: styrelsen möts om 7 dagar.', facts: [{ label: 'Möte', value: 'Styrelsen' }], sources: [{ doc: '001.txt', section: 'Mötesplan 2023' }] };

describe('Teams proactive delivery', () => {
  it('stores the conversation reference of a Teams subscription in the state file', async () => {
    const { t } = await app();
    const sub = await subscribe(t);
    const target = teamsTarget(sub);
    expect(target.conversationReference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      conversation: { id: THREAD, conversationType: 'channel', tenantId: 'tenant-1' },
      bot: { id: TEAMS_BOT.id },
    });
    // One subscription per channel, whichever thread it was asked in.
    expect(sub.channelKey).toBe(`teams:${CHANNEL}`);
    const again = await subscribe(t, '19:kanal-styrgrupp@thread.tacv2;messageid=1700000000999');
    expect(again.id).toBe(sub.id);
  });

  it('delivers a due reminder after a restart through the stored reference, as a new post in the channel', async () => {
    const first = await app();
    const sub = await subscribe(first.t);
    const stateFile = first.t.stateFile;
    await first.t.app.close(2000);

    // Restart: a new app on the same state file; nothing of the first process is in memory.
    const { t, delivery } = await app({ stateFile });
    const data = await bundledData();
    const calendar = () => calendarFromData(data, t.state.read().calendarAdditions);
    const [due] = upcomingReminders(calendar(), t.state.read().subscriptions, new Date(sub.createdAt), 1);
    expect(due).toBeDefined();
    const { logger: log } = createMemoryLogger('silent');
    const scheduler = new ReminderScheduler({
      store: t.state, calendar, registry: delivery, clock: () => due!.sendAt, log, groupName: (_f, g) => g.toUpperCase(),
      reporter: createKansliReporter({ store: t.state, registry: delivery, log }),
    });
    const before = connector.calls.length;
    const run = await scheduler.tick();
    // The scheduler also sends the 7-day reminder that fell due earlier on the subscription's day (late).
    expect(run.sent).toContain(due!.key);
    const calls = connector.calls.slice(before);
    expect(calls).toHaveLength(run.sent.length);
    for (const call of calls) {
      // A new post in the channel (no ;messageid=), not a reply in the subscription's thread.
      expect(decodeURIComponent(call.path)).toMatch(new RegExp(`^/v3/conversations/${CHANNEL.replace(/[.]/g, '\\.')}/activities`));
      const body = call.body as { conversation: { id: string }; from: { id: string }; attachments: { content: AdaptiveCard }[]; summary: string };
      expect(body.conversation.id).toBe(CHANNEL);
      expect(body.from.id).toBe(TEAMS_BOT.id);
      expect(body.attachments[0]?.content.type).toBe('AdaptiveCard');
      expect(body.summary).toMatch(/styrelse/i);
    }
    for (const key of run.sent) expect(t.state.read().sentReminders.find((e) => e.key === key)?.status).toBe('sent');
  });

  it.each([
    [403, /borttagen/],
    [404, /finns inte längre/],
  ])('marks every subscription of the conversation dead on %i', async (status, reason) => {
    const { t, delivery } = await app();
    const sub = await subscribe(t);
    plan = [{ status, body: { error: { code: status === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound', message: 'x' } } }];
    const before = connector.calls.length;
    const result = await delivery.get('teams')!.send(teamsTarget(sub), REMINDER, { idempotencyKey: `test-${status}` });
    expect(result).toEqual({ status: 'dead', reason: expect.stringMatching(reason) as unknown as string });
    // Not retried: it cannot succeed.
    expect(connector.calls.length).toBe(before + 1);
    const stored = t.state.read().subscriptions.find((s) => s.id === sub.id);
    expect(stored).toMatchObject({ status: 'dead', deadReason: expect.stringMatching(reason) as unknown as string });
  });

  it('in local mode posts nowhere but EMULATOR_URL: a reference stored under another Emulator address is not contacted', async () => {
    const first = await app();
    const sub = await subscribe(first.t);
    await first.t.app.close(2000);
    const other = await startFakeBotConnector();
    try {
      // The Emulator came back on another port; the old one may now belong to anything.
      const { t, delivery } = await app({ stateFile: first.t.stateFile, local: true, env: { EMULATOR_URL: other.serviceUrl } });
      const before = connector.calls.length;
      const result = await delivery.get('teams')!.send(teamsTarget(sub), REMINDER, { idempotencyKey: 'test-local-other' });
      expect(result).toEqual({ status: 'dead', reason: 'lokalt läge: konversationens serviceUrl är inte EMULATOR_URL' });
      expect(connector.calls.length).toBe(before);
      expect(other.calls).toHaveLength(0);
      expect(t.state.read().subscriptions.find((s) => s.id === sub.id)?.status).toBe('active');
    } finally {
      await other.close();
    }
  });

  it('retries a 429 after its Retry-After and delivers', async () => {
    const { t, delivery } = await app();
    const sub = await subscribe(t);
    plan = [{ status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } }];
    const before = connector.calls.length;
    const started = Date.now();
    const result = await delivery.get('teams')!.send(teamsTarget(sub), REMINDER, { idempotencyKey: 'test-429' });
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ status: 'sent' });
    expect(connector.calls.length).toBe(before + 2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(t.state.read().subscriptions.find((s) => s.id === sub.id)?.status).toBe('active');
  });

  describe('with a fast retry policy', () => {
    let t: TestApp;
    let sub: Subscription;
    let waits: number[];
    let channel: DeliveryChannel<'teams'>;
    beforeEach(async () => {
      ({ t } = await app());
      sub = await subscribe(t);
      waits = [];
      channel = new TeamsDeliveryChannel({
        adapter: t.app.adapter, appId: '', log: createMemoryLogger('silent').logger, state: t.state,
        retry: { attempts: 3, backoffMs: 5, maxWaitMs: 60_000 }, sleep: async (ms) => { waits.push(ms); },
      });
    });

    it('backs off on 5xx and hands a still-failing send back as retry (subscription kept)', async () => {
      plan = [{ status: 502 }, { status: 503 }, { status: 500 }];
      const before = connector.calls.length;
      const result = await channel.send(teamsTarget(sub), REMINDER, { idempotencyKey: 'test-5xx' });
      expect(result).toMatchObject({ status: 'retry', reason: expect.stringMatching(/500/) as unknown as string });
      expect(connector.calls.length).toBe(before + 3);
      expect(waits).toEqual([5, 10]);
      expect(t.state.read().subscriptions.find((s) => s.id === sub.id)?.status).toBe('active');
    });

    it('recovers from a 503 on the next attempt', async () => {
      plan = [{ status: 503 }];
      expect(await channel.send(teamsTarget(sub), REMINDER, { idempotencyKey: 'test-503' })).toMatchObject({ status: 'sent' });
      expect(waits).toEqual([5]);
    });

    it('leaves a Retry-After longer than it may wait to the scheduler, without sleeping', async () => {
      plan = [{ status: 429, headers: { 'Retry-After': '3600' } }];
      const before = connector.calls.length;
      const result = await channel.send(teamsTarget(sub), REMINDER, { idempotencyKey: 'test-429-long' });
      expect(result).toEqual({ status: 'retry', retryAfterMs: 3_600_000, reason: expect.any(String) as unknown as string });
      expect(connector.calls.length).toBe(before + 1);
      expect(waits).toEqual([]);
    });

    it('treats a connector that refuses connections as retry', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as { port: number }).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const target = teamsTarget(sub);
      const unreachable: TargetOf<'teams'> = { ...target, conversationReference: { ...target.conversationReference, serviceUrl: `http://127.0.0.1:${port}/` } };
      const result = await channel.send(unreachable, REMINDER, { idempotencyKey: 'test-refused' });
      expect(result).toMatchObject({ status: 'retry', reason: expect.stringMatching(/ECONNREFUSED/) as unknown as string });
    });
  });
});
