import type { BotDeps } from '../core/deps.js';
import { createConsoleChannel } from '../delivery/consoleChannel.js';
import { createDeliveryRegistry } from '../delivery/types.js';
import { groupLabel } from '../domain/calendar/answer.js';
import { calendarFromData, groupNames } from '../domain/calendar/fromData.js';
import { createKansliReporter, ReminderScheduler } from './scheduler.js';

export interface ReminderService {
  scheduler: ReminderScheduler;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the reminder scheduler inside the server: recover on start (settle `pending` sends, report
 * the unsettled), then a run every `intervalMs` (default one minute). Channels come from
 * `deps.delivery` (Teams and Slack register theirs); web conversations get the console channel,
 * since the local web chat cannot be pushed to — their reminders are written to stdout.
 * Reads `deps.data` on every run, so a data reload is picked up.
 */
export function startReminderService(deps: BotDeps, options: { intervalMs?: number } = {}): ReminderService {
  const registry = deps.delivery ?? createDeliveryRegistry();
  if (!registry.get('web')) registry.register(createConsoleChannel(process.stdout));
  const log = deps.log.child({ component: 'reminders' });
  const scheduler = new ReminderScheduler({
    store: deps.state,
    registry,
    clock: deps.clock,
    log,
    calendar: () => calendarFromData(deps.data, deps.state.read().calendarAdditions),
    groupName: (forbund, group) => groupLabel({ groups: groupNames(deps.data) }, group, forbund),
    reporter: createKansliReporter({ store: deps.state, registry, log }),
    documentTitle: (doc) => deps.data.documents.find((d) => d.doc === doc)?.title,
  });
  let current: Promise<unknown> = scheduler
    .recover()
    .then(() => scheduler.tick())
    .catch((error: unknown) => log.error('reminders_start_failed', {}, error));
  const timer = setInterval(() => {
    current = scheduler.tick().catch((error: unknown) => log.error('reminders_run_failed', {}, error));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    scheduler,
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
