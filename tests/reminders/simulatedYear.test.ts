import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/core/log.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { RecordingChannel } from '../../src/delivery/recordingChannel.js';
import { createDeliveryRegistry, targetKey, type DeliveryTarget } from '../../src/delivery/types.js';
import { calendarFromData } from '../../src/domain/calendar/fromData.js';
import { remindersBetween } from '../../src/reminders/due.js';
import type { Subscription } from '../../src/reminders/schema.js';
import { ReminderScheduler, type CrashPoint, type KansliReport } from '../../src/reminders/scheduler.js';
import { openStateStore, type StateStore } from '../../src/state/store.js';
import { seededRandom } from '../robustness/utterances.js';

class Crash extends Error {
  constructor() {
    super('simulated crash');
  }
}

function subscription(id: string, group: string, target: DeliveryTarget): Subscription {
  return {
    id, forbund: 'umearegionen', group, target, channelKey: targetKey(target),
    offsets: [7, 1], timeOfDay: '08:00', createdAt: '2022-12-31T00:00:00.000Z', status: 'active',
  };
}

const SUBSCRIPTIONS = [
  subscription('s-styrelse', 'styrelse', { kind: 'web', conversationId: 'styrelsen' }),
  subscription('s-ssg', 'ssg', { kind: 'slack', channelId: 'C-SSG' }),
  subscription('s-vuxentorget', 'vuxentorget', { kind: 'teams', conversationReference: { serviceUrl: 'http://127.0.0.1/', conversation: { id: 'T-VT' } } }),
];

const START = Date.parse('2023-01-01T00:00:00Z');
const END = Date.parse('2024-01-02T12:00:00Z');

interface SimOptions {
  seed: number;
  /** Where crashes strike: at the protocol's checkpoints (outside the send) or inside the channel's send. */
  crashes: 'outside-send' | 'inside-send';
  lookup: boolean;
  crashRate: number;
}

interface SimResult {
  channels: { counts(): Map<string, number> }[];
  expected: string[];
  store: StateStore;
  reports: KansliReport[];
  restarts: number;
}

let dir: string;
let data: AgreementData;

beforeAll(async () => {
  data = await loadData('data');
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reminders-sim-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function simulate(options: SimOptions): Promise<SimResult> {
  const random = seededRandom(options.seed);
  const file = join(dir, 'state.json');
  let crashed = false;
  const crash = (): never => {
    crashed = true;
    throw new Crash();
  };
  const alive = () => {
    if (crashed) throw new Crash();
  };
  const channelOptions = {
    supportsLookup: options.lookup,
    // A dead process sends nothing.
    script: () => {
      alive();
      return undefined;
    },
    beforeLookup: alive,
    afterDelivery: () => {
      if (options.crashes === 'inside-send' && random() < options.crashRate) crash();
    },
  };
  const web = new RecordingChannel('web', channelOptions);
  const slack = new RecordingChannel('slack', channelOptions);
  const teams = new RecordingChannel('teams', channelOptions);
  const registry = createDeliveryRegistry([web, slack, teams]);
  const reports: KansliReport[] = [];
  const cal = calendarFromData(data, []);
  let now = START;
  const clock = () => new Date(now);
  const log = createLogger({ level: 'silent' });

  const first = await openStateStore(file);
  await first.update((draft) => {
    draft.subscriptions = SUBSCRIPTIONS.map((s) => ({ ...s }));
  });

  const start = async (): Promise<{ scheduler: ReminderScheduler; store: StateStore }> => {
    const real = await openStateStore(file);
    // After a crash the process writes nothing more: every later write fails like the rest.
    const store: StateStore = {
      file: real.file,
      read: () => real.read(),
      update: (change) => (crashed ? Promise.reject(new Crash()) : real.update(change)),
      flush: () => real.flush(),
    };
    const scheduler = new ReminderScheduler({
      store, registry, clock, log,
      calendar: () => cal,
      groupName: (_f, g) => g,
      reporter: { report: async (r) => void reports.push(r) },
      checkpoint: (_point: CrashPoint) => {
        if (options.crashes === 'outside-send' && random() < options.crashRate) crash();
      },
    });
    await scheduler.recover();
    return { scheduler, store };
  };

  let { scheduler, store } = await start();
  let restarts = 0;
  while (now < END) {
    await scheduler.tick();
    if (crashed) {
      // Down for up to ten hours, then a fresh process reads the state file and recovers.
      now += Math.floor(random() * 10 * 3_600_000);
      crashed = false;
      restarts += 1;
      ({ scheduler, store } = await start());
    } else if (random() < 0.002) {
      // A clean restart (deploy) now and then.
      restarts += 1;
      ({ scheduler, store } = await start());
    }
    now += (20 + Math.floor(random() * 100)) * 60_000;
  }
  await scheduler.tick();

  const expected = remindersBetween(cal, SUBSCRIPTIONS, '2022-12-31', '2024-01-02')
    .filter((r) => r.sendAt.getTime() <= now && r.dueDay >= '2022-12-31')
    .map((r) => r.key);
  return { channels: [web, slack, teams], expected, store, reports, restarts };
}

function deliveryCounts(channels: readonly { counts(): Map<string, number> }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of channels) for (const [k, n] of c.counts()) counts.set(k, (counts.get(k) ?? 0) + n);
  return counts;
}

describe('reminder scheduler over a simulated year with crashes', () => {
  test.each([1, 2, 3, 4, 5])('crashes outside the send (seed %i): every reminder delivered exactly once', async (seed) => {
    const sim = await simulate({ seed, crashes: 'outside-send', lookup: true, crashRate: 0.15 });
    const counts = deliveryCounts(sim.channels);
    expect(sim.expected.length).toBeGreaterThan(30);
    expect(sim.restarts).toBeGreaterThan(5);
    for (const key of sim.expected) expect([key, counts.get(key) ?? 0]).toEqual([key, 1]);
    expect([...counts.keys()].sort()).toEqual([...sim.expected].sort());
    const log = sim.store.read().sentReminders;
    expect(log.filter((e) => e.status !== 'sent')).toEqual([]);
    expect(sim.reports).toEqual([]);
  }, 60_000);

  test.each([11, 12, 13])('crashes inside the send, channels without lookup (seed %i): never twice, never silently lost', async (seed) => {
    const sim = await simulate({ seed, crashes: 'inside-send', lookup: false, crashRate: 0.2 });
    const counts = deliveryCounts(sim.channels);
    const log = new Map(sim.store.read().sentReminders.map((e) => [e.key, e]));
    const reported = new Set(sim.reports.map((r) => r.key));
    let uncertain = 0;
    for (const key of sim.expected) {
      expect(counts.get(key) ?? 0).toBeLessThanOrEqual(1);
      const entry = log.get(key);
      if ((counts.get(key) ?? 0) === 1) continue;
      // Not delivered: it must be on record as "kan ha skickats" and reported to the kansli.
      expect([key, entry?.status]).toEqual([key, 'uncertain']);
      expect(reported.has(key)).toBe(true);
      uncertain += 1;
    }
    expect(sim.restarts).toBeGreaterThan(3);
    // Delivered-then-crashed sends are uncertain too, and reported, but never repeated.
    expect(sim.reports.filter((r) => r.kind === 'uncertain').length).toBeGreaterThanOrEqual(uncertain);
  }, 60_000);

  test('crashes inside the send with a channel that can look up: exactly once', async () => {
    const sim = await simulate({ seed: 21, crashes: 'inside-send', lookup: true, crashRate: 0.2 });
    const counts = deliveryCounts(sim.channels);
    for (const key of sim.expected) expect([key, counts.get(key) ?? 0]).toEqual([key, 1]);
  }, 60_000);
});
