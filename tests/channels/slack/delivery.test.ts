import { createSlackDeliveryChannel, DELIVERY_METADATA_EVENT } from '../../../src/channels/slack/delivery.js';
import { renderBlocks } from '../../../src/channels/slack/renderBlocks.js';
import { createSlackWebClient } from '../../../src/channels/slack/webApi.js';
import { createMemoryLogger } from '../../../src/core/log.js';
import type { Reply } from '../../../src/core/reply.js';
import { createDeliveryRegistry, deliver, lookupDelivery } from '../../../src/delivery/types.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../helpers/fakeSlackApi.js';

const reminder: Reply = {
  text: 'Påminnelse: styrelsemöte om 7 dagar, fredag 1 december kl. 9.00.',
  facts: [{ label: 'Plats', value: 'Kansliet' }],
  sources: [{ doc: '001.txt', section: 'Mötesplan 2023', title: 'Mötesplan 2023' }],
};

let fake: FakeSlackApi;
const { logger, lines } = createMemoryLogger('debug');
const sleeps: number[] = [];
const sleep = async (ms: number): Promise<void> => {
  sleeps.push(ms);
};

function channel(maxWaitMs?: number) {
  return createSlackDeliveryChannel({
    client: createSlackWebClient('xoxb-delivery', fake.apiUrl, logger),
    log: logger,
    sleep,
    maxWaitMs,
  });
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  sleeps.length = 0;
});

describe('Slack delivery channel', () => {
  it('posts through chat.postMessage with Block Kit, the fallback text and the idempotency key as metadata', async () => {
    const registry = createDeliveryRegistry([channel()]);
    const result = await deliver(registry, { kind: 'slack', channelId: 'C0REMIND1' }, reminder, { idempotencyKey: 'rem:styrelse:2023-12-01:7' });
    expect(result).toEqual({ status: 'sent', messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0REMIND1');
    expect(call?.authorization).toBe('Bearer xoxb-delivery');
    const rendered = renderBlocks(reminder);
    expect(call?.args.text).toBe(rendered.text);
    expect(call?.args.blocks).toEqual(rendered.blocks);
    expect(call?.args.metadata).toEqual({ event_type: DELIVERY_METADATA_EVENT, event_payload: { idempotency_key: 'rem:styrelse:2023-12-01:7' } });
  });

  it('lookup finds a posted key in the channel history and misses an unposted one', async () => {
    const registry = createDeliveryRegistry([channel()]);
    const target = { kind: 'slack' as const, channelId: 'C0REMIND2' };
    await deliver(registry, target, reminder, { idempotencyKey: 'k-posted' });
    expect(await lookupDelivery(registry, target, 'k-posted')).toBe('sent');
    expect(await lookupDelivery(registry, target, 'k-never')).toBe('not-sent');
    const history = fake.callsOf('conversations.history').at(-1);
    expect(history?.args).toMatchObject({ channel: 'C0REMIND2', include_all_metadata: 'true' });
  });

  it('lookup reads at most five pages of history; past them it cannot tell', async () => {
    fake.script('conversations.history', ...Array.from({ length: 5 }, () => ({ page: { messages: [], has_more: true, response_metadata: { next_cursor: 'more' } } })));
    expect(await channel().lookup?.({ kind: 'slack', channelId: 'C0BUSY' }, 'k')).toBe('unknown');
    const pages = fake.callsOf('conversations.history').filter((c) => c.args.channel === 'C0BUSY');
    expect(pages).toHaveLength(5);
    expect(pages[1]?.args.cursor).toBe('more');
  });

  it('lookup answers unknown when the history cannot be read', async () => {
    fake.script('conversations.history', { error: 'not_in_channel' });
    expect(await channel().lookup?.({ kind: 'slack', channelId: 'C0REMIND3' }, 'k')).toBe('unknown');
  });

  it('a 429 waits Retry-After once and then posts', async () => {
    fake.script('chat.postMessage', { status: 429, retryAfterSeconds: 2 });
    const result = await channel().send({ kind: 'slack', channelId: 'C0REMIND4' }, reminder, { idempotencyKey: 'k429' });
    expect(result.status).toBe('sent');
    expect(sleeps).toEqual([2000]);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0REMIND4')).toHaveLength(2);
  });

  it('a second 429 is a retry with the delay; a Retry-After past the bound is not waited for', async () => {
    fake.script('chat.postMessage', { status: 429, retryAfterSeconds: 1 }, { status: 429, retryAfterSeconds: 3 });
    expect(await channel().send({ kind: 'slack', channelId: 'C0REMIND5' }, reminder, { idempotencyKey: 'k' })).toEqual({
      status: 'retry',
      retryAfterMs: 3000,
      reason: 'ratelimited',
    });
    fake.script('chat.postMessage', { status: 429, retryAfterSeconds: 120 });
    expect(await channel(30_000).send({ kind: 'slack', channelId: 'C0REMIND5' }, reminder, { idempotencyKey: 'k' })).toEqual({
      status: 'retry',
      retryAfterMs: 120_000,
      reason: 'ratelimited',
    });
    expect(sleeps).toEqual([1000]);
  });

  it.each(['channel_not_found', 'not_in_channel', 'account_inactive', 'is_archived'])('%s is dead', async (error) => {
    fake.script('chat.postMessage', { error });
    expect(await channel().send({ kind: 'slack', channelId: 'C0DEAD' }, reminder, { idempotencyKey: 'k' })).toEqual({ status: 'dead', reason: error });
    expect(lines.some((l) => l.includes('slack_delivery_failed') && l.includes(error))).toBe(true);
  });

  it.each(['internal_error', 'service_unavailable', 'invalid_auth'])('%s is retried later', async (error) => {
    fake.script('chat.postMessage', { error });
    expect(await channel().send({ kind: 'slack', channelId: 'C0RETRY' }, reminder, { idempotencyKey: 'k' })).toEqual({ status: 'retry', reason: error });
  });

  it('an unreachable Slack is a retry (nothing can have been posted)', async () => {
    const closed = await startFakeSlackApi();
    const apiUrl = closed.apiUrl;
    await closed.close();
    const offline = createSlackDeliveryChannel({
      client: createSlackWebClient('xoxb', apiUrl, logger),
      log: logger,
      sleep,
    });
    expect(await offline.send({ kind: 'slack', channelId: 'C0' }, reminder, { idempotencyKey: 'k' })).toEqual({ status: 'retry', reason: 'unreachable' });
  });
});
