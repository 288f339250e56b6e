import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackDeliveryChannel, DELIVERY_METADATA_EVENT } from '../../../src/channels/slack/delivery.js';
import { createSlackWebClient } from '../../../src/channels/slack/webApi.js';
import { createMemoryLogger } from '../../../src/core/log.js';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { createDeliveryRegistry, targetKey, type DeliveryTarget } from '../../../src/delivery/types.js';
import { calendarFromData } from '../../../src/domain/calendar/fromData.js';
import { remindersBetween } from '../../../src/reminders/due.js';
import type { Subscription } from '../../../src/reminders/schema.js';
import { ReminderScheduler, type KansliReport } from '../../../src/reminders/scheduler.js';
import { openStateStore, type StateStore } from '../../../src/state/store.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../helpers/fakeSlackApi.js';

/** Reminders through the real scheduler and the Slack channel, against the fake Web API. */

const target: DeliveryTarget = { kind: 'slack', channelId: 'C0SSG0001', teamId: 'T0000001' };
const subscription: Subscription = {
  id: 's-ssg-slack',
  forbund: 'umearegionen',
  group: 'ssg',
  target,
  channelKey: targetKey(target),
  offsets: [7, 1],
  timeOfDay: '08:00',
  createdAt: '2022-12-31T00:00:00.000Z',
  status: 'active',
};

let data: AgreementData;
let fake: FakeSlackApi;
let dir: string;
let store: StateStore;

beforeAll(async () => {
  data = await loadData('data');
});
beforeEach(async () => {
  fake = await startFakeSlackApi();
  dir = await mkdtemp(join(tmpdir(), 'slack-reminders-'));
  store = await openStateStore(join(dir, 'state.json'));
  await store.update((draft) => {
    draft.subscriptions.push(subscription);
  });
});
afterEach(async () => {
  await store.flush();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** The first SSG reminder of 2023 and the instant just after it is due. */
function firstReminder() {
  const [first] = remindersBetween(calendarFromData(data, []), [subscription], '2023-01-01', '2023-12-31');
  if (!first) throw new Error('no SSG reminder in 2023');
  return first;
}

function scheduler(now: Date, checkpoint?: (point: string) => void, reports: KansliReport[] = []) {
  const { logger } = createMemoryLogger('warn');
  const slack = createSlackDeliveryChannel({ client: createSlackWebClient('xoxb-test', fake.apiUrl, logger), log: logger });
  return new ReminderScheduler({
    store,
    calendar: () => calendarFromData(data, store.read().calendarAdditions),
    registry: createDeliveryRegistry([slack]),
    reporter: { report: async (r) => void reports.push(r) },
    clock: () => now,
    log: logger,
    groupName: () => 'Strategiska samverkansgruppen (SSG)',
    checkpoint,
  });
}

describe('reminders through Slack', () => {
  it('a due reminder is posted once to the channel, with its sent-log key as metadata', async () => {
    const due = firstReminder();
    const now = new Date(due.sendAt.getTime() + 60_000);
    const run = await scheduler(now).tick();
    expect(run.sent).toEqual([due.key]);
    const [post] = fake.callsOf('chat.postMessage');
    expect(post?.args.channel).toBe('C0SSG0001');
    expect(post?.args.metadata).toEqual({ event_type: DELIVERY_METADATA_EVENT, event_payload: { idempotency_key: due.key } });
    expect(String(post?.args.text)).toMatch(/SSG|samverkansgrupp/i);
    await scheduler(now).tick();
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('after a crash right after the post, recovery asks Slack and does not post again', async () => {
    const due = firstReminder();
    const now = new Date(due.sendAt.getTime() + 60_000);
    const crashing = scheduler(now, (point) => {
      if (point === 'afterSend') throw new Error('simulated crash');
    });
    await crashing.tick();
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(store.read().sentReminders.find((e) => e.key === due.key)?.status).toBe('pending');

    const reports: KansliReport[] = [];
    const restarted = scheduler(now, undefined, reports);
    const recovered = await restarted.recover();
    expect(recovered.sent).toEqual([due.key]);
    expect(fake.callsOf('conversations.history').length).toBeGreaterThan(0);
    await restarted.tick();
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  it('a crash before the post: Slack says not sent, and the reminder goes out once', async () => {
    const due = firstReminder();
    const now = new Date(due.sendAt.getTime() + 60_000);
    await scheduler(now, (point) => {
      if (point === 'afterPending') throw new Error('simulated crash');
    }).tick();
    expect(fake.callsOf('chat.postMessage')).toHaveLength(0);
    const restarted = scheduler(now);
    expect((await restarted.recover()).retrying).toEqual([due.key]);
    await restarted.tick();
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('a channel the bot was removed from marks the subscription dead', async () => {
    fake.script('chat.postMessage', { error: 'not_in_channel' });
    const due = firstReminder();
    const reports: KansliReport[] = [];
    await scheduler(new Date(due.sendAt.getTime() + 60_000), undefined, reports).tick();
    expect(store.read().subscriptions[0]).toMatchObject({ status: 'dead', deadReason: 'not_in_channel' });
    expect(reports.map((r) => r.kind)).toContain('failed');
  });
});
