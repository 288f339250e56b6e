import { join } from 'node:path';
import { createMemoryLogger } from '../../src/core/log.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { RecordingChannel } from '../../src/delivery/recordingChannel.js';
import { createDeliveryRegistry, targetKey, type AnyDeliveryChannel, type DeliveryTarget, type SendResult } from '../../src/delivery/types.js';
import { calendarFromData } from '../../src/domain/calendar/fromData.js';
import type { Subscription } from '../../src/reminders/schema.js';
import { ReminderScheduler, type KansliReport } from '../../src/reminders/scheduler.js';
import { openStateStore, type StateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

function sub(id: string, group: string, target: DeliveryTarget): Subscription {
  return {
    id, forbund: 'umearegionen', group, target, channelKey: targetKey(target),
    offsets: [7, 1], timeOfDay: '08:00', createdAt: '2023-09-01T00:00:00.000Z', status: 'active',
  };
}

/** Subscriptions are created at `createdAt` (default: when the run starts), so nothing earlier counts as missed. */
async function setup(subs: Subscription[], channels: AnyDeliveryChannel[], startAt: string, createdAt = startAt) {
  const store: StateStore = await openStateStore(join(tempDir(), 'state.json'));
  await store.update((d) => {
    d.subscriptions = subs.map((s) => ({ ...s, createdAt }));
  });
  let now = Date.parse(startAt);
  const reports: KansliReport[] = [];
  const scheduler = new ReminderScheduler({
    store, registry: createDeliveryRegistry(channels), clock: () => new Date(now), log: createMemoryLogger('error').logger,
    calendar: () => calendarFromData(data, []), groupName: (_f, g) => g, reporter: { report: async (r) => void reports.push(r) },
  });
  return { store, scheduler, reports, set: (iso: string) => void (now = Date.parse(iso)) };
}

const WEB = sub('w', 'styrelse', { kind: 'web', conversationId: 'styrelsen' });
const SLACK = sub('s', 'ssg', { kind: 'slack', channelId: 'C-SSG' });

test('sends at 08:00 Stockholm on the due day, not before; the text names the meeting', async () => {
  const web = new RecordingChannel('web');
  const w = await setup([WEB], [web], '2023-10-13T05:59:00Z');
  await w.scheduler.tick();
  expect(web.delivered).toEqual([]);
  w.set('2023-10-13T06:00:00Z');
  await w.scheduler.tick();
  expect(web.delivered.map((d) => d.idempotencyKey)).toEqual(['w|umearegionen/styrelse-2023-10-20|7']);
  expect(web.delivered[0]?.reply.text).toContain('om 7 dagar: Delrapport T2 / Överenskommelse 2024, fredag 20 oktober 2023');
  await w.scheduler.tick();
  expect(web.delivered).toHaveLength(1);
});

test('Retry-After is honoured, then the reminder goes out once', async () => {
  const script = (call: { attempt: number }): SendResult | undefined =>
    call.attempt === 1 ? { status: 'retry', retryAfterMs: 3 * 3_600_000, reason: 'ratelimited' } : undefined;
  const slack = new RecordingChannel('slack', { script });
  const w = await setup([SLACK], [slack], '2023-10-06T06:00:00Z');
  await w.scheduler.tick();
  const entry = w.store.read().sentReminders[0];
  expect(entry).toMatchObject({ status: 'retry', nextAttemptAt: '2023-10-06T09:00:00.000Z', attempts: 1 });
  w.set('2023-10-06T08:59:00Z');
  await w.scheduler.tick();
  expect(slack.delivered).toHaveLength(0);
  w.set('2023-10-06T09:00:00Z');
  await w.scheduler.tick();
  expect(slack.delivered).toHaveLength(1);
  expect(w.store.read().sentReminders[0]).toMatchObject({ status: 'sent', attempts: 2 });
});

test('a dead channel is marked and reported; the other channel is unaffected', async () => {
  const slack = new RecordingChannel('slack', { script: () => ({ status: 'dead', reason: 'channel_not_found' }) });
  const web = new RecordingChannel('web');
  // 17 November: SSG's 24 November meeting is 7 days away.
  const w = await setup([WEB, SLACK], [web, slack], '2023-11-17T07:00:00Z');
  await w.scheduler.tick();
  expect(w.store.read().subscriptions.find((s) => s.id === 's')).toMatchObject({ status: 'dead', deadReason: 'channel_not_found' });
  expect(w.reports.map((r) => r.kind)).toEqual(['failed']);
  expect(w.reports[0]?.text).toContain('channel_not_found');
  // 23 November: the styrelse still gets its reminders; the dead subscription is not attempted again.
  w.set('2023-11-23T07:00:00Z');
  await w.scheduler.tick();
  expect(slack.attempts.size).toBe(1);
  expect(web.delivered.map((d) => d.idempotencyKey)).toEqual(['w|umearegionen/beslut-overenskommelse-2024|7', 'w|umearegionen/styrelse-2023-11-30|7']);
});

test('after downtime: a missed reminder goes out once, marked late; one whose event has passed is reported, not sent', async () => {
  const web = new RecordingChannel('web');
  // Down from before 2023-10-13 08:00 until 2023-10-21: the 7-day reminder for 20 October is too late.
  const w = await setup([WEB], [web], '2023-10-21T09:00:00Z', '2023-10-12T00:00:00Z');
  await w.scheduler.recover();
  await w.scheduler.tick();
  expect(web.delivered).toEqual([]);
  expect(w.store.read().sentReminders.map((e) => [e.key, e.status])).toEqual([
    ['w|umearegionen/styrelse-2023-10-20|7', 'expired'],
    ['w|umearegionen/styrelse-2023-10-20|1', 'expired'],
  ]);
  expect(w.reports.every((r) => r.kind === 'expired')).toBe(true);
  // Down on 23 November at 08:00 (7 days before the 30 November meeting), back at 14:00: late but in time.
  w.set('2023-11-23T13:00:00Z');
  await w.scheduler.tick();
  expect(web.delivered.map((d) => d.idempotencyKey)).toEqual(['w|umearegionen/beslut-overenskommelse-2024|7', 'w|umearegionen/styrelse-2023-11-30|7']);
  expect(web.delivered.every((d) => d.reply.text.includes('Sen påminnelse'))).toBe(true);
});

test('a pending entry the channel cannot confirm becomes "kan ha skickats" and is never resent', async () => {
  const web = new RecordingChannel('web', { supportsLookup: false });
  const w = await setup([WEB], [web], '2023-10-13T07:00:00Z', '2023-10-13T06:30:00Z');
  await w.store.update((d) => {
    d.sentReminders.push({
      key: 'w|umearegionen/styrelse-2023-10-20|7', subscriptionId: 'w', occurrenceKey: 'umearegionen/styrelse-2023-10-20', offset: 7,
      dueDay: '2023-10-13', eventDate: '2023-10-20', status: 'pending', attempts: 1, late: false, updatedAt: '2023-10-13T06:00:01Z',
    });
  });
  const summary = await w.scheduler.recover();
  expect(summary.uncertain).toEqual(['w|umearegionen/styrelse-2023-10-20|7']);
  await w.scheduler.tick();
  expect(web.delivered).toEqual([]);
  expect(w.reports.map((r) => [r.kind, r.text.includes('kan ha skickats')])).toEqual([['uncertain', true]]);
  // Reported once only.
  await w.scheduler.recover();
  expect(w.reports).toHaveLength(1);
});

test('a target kind this process has no channel for waits (a CLI run without Slack) instead of failing', async () => {
  const web = new RecordingChannel('web');
  const w = await setup([WEB, SLACK], [web], '2023-10-13T07:00:00Z');
  await w.scheduler.tick();
  expect(w.store.read().sentReminders.map((e) => e.subscriptionId)).toEqual(['w']);
  expect(w.store.read().subscriptions.every((s) => s.status === 'active')).toBe(true);
});
