import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/log.js';
import { deliver, lookupDelivery, type DeliveryRegistry, type LookupResult, type SendResult } from '../delivery/types.js';
import type { CalendarData } from '../domain/calendar/occurrences.js';
import { STOCKHOLM, zonedDay } from '../domain/calendar/zone.js';
import { addDays } from '../domain/dates.js';
import type { StateStore } from '../state/store.js';
import { reminderReply, remindersBetween, type DueReminder } from './due.js';
import type { SentReminder, Subscription } from './schema.js';

/**
 * Sends reminders exactly once, or reports them (issue 6, "Reminders"):
 * - each (subscription, event, offset) has one sent-log entry, written `pending` BEFORE the send
 *   and `sent` AFTER it (each write on disk before the next step);
 * - on start, `pending` entries are resolved by asking the channel (`lookup`); a channel that cannot
 *   tell makes them `uncertain` and the kansli is told "kan ha skickats" — never resent blindly;
 * - reminders missed while the bot was down go out once on start, marked late, unless the event
 *   has passed (then `expired`, reported);
 * - 'retry' results back off exponentially and honour Retry-After; 'dead' marks the subscription
 *   dead and reports it; one failing channel never stops the others.
 */

/** What the kansli is told about a reminder that may not have reached its channel. */
export interface KansliReport {
  kind: 'uncertain' | 'failed' | 'expired';
  key: string;
  subscription?: Subscription;
  text: string;
}

export interface KansliReporter {
  report(report: KansliReport): Promise<void>;
}

/** Named points in the send protocol where tests inject crashes. */
export type CrashPoint = 'beforePending' | 'afterPending' | 'afterSend' | 'afterSentWrite';

export interface SchedulerDeps {
  store: StateStore;
  /** The årshjul as it is now (curated data + the kansli's additions). */
  calendar: () => CalendarData;
  registry: DeliveryRegistry;
  reporter: KansliReporter;
  clock: Clock;
  log: Logger;
  /** "Samordningsförbundets styrelse" for ('umearegionen', 'styrelse'). */
  groupName: (forbund: string, group: string) => string;
  /** The human title of a seed document, for the reminder's source line. */
  documentTitle?: (doc: string) => string | undefined;
  /** Test hook, called at each {@link CrashPoint}; throwing there simulates a crash. */
  checkpoint?: (point: CrashPoint, key: string) => void;
  /** Attempts before a retrying reminder is given up and reported (default 8). */
  maxAttempts?: number;
  /** First backoff; doubles per attempt up to `maxBackoffMs` (defaults 1 min and 6 h). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A reminder sent more than this after its time is marked late (default 1 h). */
  lateAfterMs?: number;
}

export interface RunSummary {
  sent: string[];
  retrying: string[];
  failed: string[];
  uncertain: string[];
  expired: string[];
}

function emptySummary(): RunSummary {
  return { sent: [], retrying: [], failed: [], uncertain: [], expired: [] };
}

/** A subscription's reminders count from the day it was created (nothing before it is "missed"). */
function createdDay(sub: Subscription): string {
  return zonedDay(new Date(sub.createdAt), STOCKHOLM);
}

export class ReminderScheduler {
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly lateAfterMs: number;
  private running: Promise<RunSummary> | undefined;

  constructor(private readonly deps: SchedulerDeps) {
    this.maxAttempts = deps.maxAttempts ?? 8;
    this.baseBackoffMs = deps.baseBackoffMs ?? 60_000;
    this.maxBackoffMs = deps.maxBackoffMs ?? 6 * 3_600_000;
    this.lateAfterMs = deps.lateAfterMs ?? 3_600_000;
  }

  /**
   * On start: settle every `pending` entry (a send that may have been cut off) by asking its channel,
   * and report what could not be settled. Then re-send reports that failed to go out before.
   */
  async recover(): Promise<RunSummary> {
    const summary = emptySummary();
    const now = this.deps.clock();
    for (const entry of this.deps.store.read().sentReminders.filter((e) => e.status === 'pending')) {
      const sub = this.subscription(entry.subscriptionId);
      let answer: LookupResult = 'unknown';
      if (sub) {
        try {
          answer = await lookupDelivery(this.deps.registry, sub.target, entry.key);
        } catch (error) {
          this.deps.log.warn('reminder_lookup_failed', { key: entry.key, error: String(error) });
        }
      }
      if (answer === 'sent') {
        await this.setEntry(entry.key, { status: 'sent', sentAt: now.toISOString(), updatedAt: now.toISOString() });
        summary.sent.push(entry.key);
      } else if (answer === 'not-sent') {
        // The channel confirms nothing arrived: sending again cannot make a duplicate.
        await this.setEntry(entry.key, { status: 'retry', nextAttemptAt: now.toISOString(), updatedAt: now.toISOString() });
        summary.retrying.push(entry.key);
      } else {
        await this.setEntry(entry.key, { status: 'uncertain', updatedAt: now.toISOString() });
        summary.uncertain.push(entry.key);
      }
    }
    await this.reportUnreported();
    return summary;
  }

  /** Sends everything due by now (missed ones late), retries what is due for a retry. One run at a time. */
  async tick(): Promise<RunSummary> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The reminders due by `now` that have no sent-log entry yet (what a run would send); for dry runs. */
  pendingDue(now: Date = this.deps.clock()): DueReminder[] {
    const log = new Map(this.deps.store.read().sentReminders.map((e) => [e.key, e]));
    return this.dueBy(now).filter((r) => !log.has(r.key));
  }

  private dueBy(now: Date): DueReminder[] {
    return this.remindersUpTo(zonedDay(now, STOCKHOLM)).filter((r) => r.sendAt.getTime() <= now.getTime());
  }

  /**
   * Every reminder due up to the end of `today` since the subscriptions began (at most a year
   * back: older misses are long expired). Computed once per day, subscriptions and calendar —
   * the scheduler ticks every minute.
   */
  private remindersUpTo(today: string): DueReminder[] {
    const subs = this.deps.store.read().subscriptions.filter((s) => s.status === 'active');
    const cal = this.deps.calendar();
    const c = this.cache;
    if (c && c.today === today && c.subs === JSON.stringify(subs) && c.events === cal.events && c.rules === cal.rules && c.additions === cal.additions) {
      return c.reminders;
    }
    // One time-zone conversion per subscription, not per reminder (bench: 10,000 subscriptions).
    const created = new Map(subs.map((s) => [s, createdDay(s)]));
    const earliest = [...created.values()].sort()[0] ?? today;
    const from = earliest > addDays(today, -370) ? earliest : addDays(today, -370);
    const reminders = subs.length === 0 ? [] : remindersBetween(cal, subs, from, today).filter((r) => r.dueDay >= (created.get(r.subscription) ?? ''));
    this.cache = { today, subs: JSON.stringify(subs), events: cal.events, rules: cal.rules, additions: cal.additions, reminders };
    return reminders;
  }

  private cache:
    | { today: string; subs: string; events: CalendarData['events']; rules: CalendarData['rules']; additions: CalendarData['additions']; reminders: DueReminder[] }
    | undefined;

  private async run(): Promise<RunSummary> {
    const summary = emptySummary();
    const now = this.deps.clock();
    const today = zonedDay(now, STOCKHOLM);
    const log = new Map(this.deps.store.read().sentReminders.map((e) => [e.key, e]));
    for (const reminder of this.dueBy(now)) {
      const entry = log.get(reminder.key);
      // A target whose channel this process lacks (Slack not configured in a CLI run) waits for one that has it.
      if (!this.deps.registry.get(reminder.subscription.target.kind)) continue;
      try {
        if (entry === undefined) {
          if (reminder.occurrence.date < today) await this.expire(reminder, now, summary);
          else await this.send(reminder, undefined, now, summary);
        } else if (entry.status === 'retry' && (entry.nextAttemptAt ?? '') <= now.toISOString()) {
          if (reminder.occurrence.date < today) {
            await this.fail(reminder.key, 'händelsen har passerat innan påminnelsen kunde levereras', now, summary);
          } else {
            await this.send(reminder, entry, now, summary);
          }
        }
      } catch (error) {
        // One reminder's trouble (a state write, a channel bug) must not stop the others.
        this.deps.log.error('reminder_failed', { key: reminder.key, error: String(error) });
      }
    }
    await this.reportUnreported();
    return summary;
  }

  private async send(reminder: DueReminder, previous: SentReminder | undefined, now: Date, summary: RunSummary): Promise<void> {
    const { key, subscription } = reminder;
    this.deps.checkpoint?.('beforePending', key);
    const late = previous?.late ?? now.getTime() - reminder.sendAt.getTime() > this.lateAfterMs;
    const attempts = (previous?.attempts ?? 0) + 1;
    const entry: SentReminder = {
      key,
      subscriptionId: subscription.id,
      occurrenceKey: reminder.occurrence.key,
      offset: reminder.offset,
      dueDay: reminder.dueDay,
      eventDate: reminder.occurrence.date,
      status: 'pending',
      attempts,
      late,
      updatedAt: now.toISOString(),
    };
    await this.deps.store.update((draft) => {
      draft.sentReminders = draft.sentReminders.filter((e) => e.key !== key);
      draft.sentReminders.push(entry);
    });
    this.deps.checkpoint?.('afterPending', key);

    const reply = reminderReply(reminder, this.deps.groupName(subscription.forbund, subscription.group), late, this.deps.documentTitle);
    let result: SendResult | undefined;
    try {
      result = await deliver(this.deps.registry, subscription.target, reply, { idempotencyKey: key });
    } catch (error) {
      // The outcome is unknown (timeout, connection reset after the request went out): ask the channel.
      this.deps.log.warn('reminder_send_unknown', { key, error: String(error) });
      const answer = await lookupDelivery(this.deps.registry, subscription.target, key).catch(() => 'unknown' as const);
      if (answer === 'sent') result = { status: 'sent' };
      else if (answer === 'not-sent') result = { status: 'retry', reason: String(error) };
    }
    this.deps.checkpoint?.('afterSend', key);

    const at = this.deps.clock().toISOString();
    if (result === undefined) {
      await this.setEntry(key, { status: 'uncertain', updatedAt: at, lastError: 'utfallet okänt' });
      summary.uncertain.push(key);
    } else if (result.status === 'sent') {
      await this.setEntry(key, { status: 'sent', sentAt: at, updatedAt: at });
      summary.sent.push(key);
    } else if (result.status === 'retry') {
      if (attempts >= this.maxAttempts) {
        await this.fail(key, `gav upp efter ${attempts} försök${result.reason ? ` (${result.reason})` : ''}`, now, summary);
      } else {
        const backoff = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (attempts - 1));
        const wait = Math.max(backoff, result.retryAfterMs ?? 0);
        await this.setEntry(key, {
          status: 'retry', updatedAt: at, nextAttemptAt: new Date(now.getTime() + wait).toISOString(), lastError: result.reason,
        });
        summary.retrying.push(key);
      }
    } else {
      await this.deps.store.update((draft) => {
        const sub = draft.subscriptions.find((s) => s.id === subscription.id);
        if (sub) Object.assign(sub, { status: 'dead', deadReason: result.reason, deadAt: at });
        // Its other reminders waiting for a retry will never go out either: fail them (they get reported).
        for (const e of draft.sentReminders) {
          if (e.subscriptionId === subscription.id && e.status === 'retry' && e.key !== key) {
            Object.assign(e, { status: 'failed', updatedAt: at, lastError: `kanalen fungerar inte: ${result.reason}` });
          }
        }
      });
      await this.fail(key, `kanalen fungerar inte: ${result.reason}`, now, summary);
    }
    this.deps.checkpoint?.('afterSentWrite', key);
  }

  private async expire(reminder: DueReminder, now: Date, summary: RunSummary): Promise<void> {
    const entry: SentReminder = {
      key: reminder.key,
      subscriptionId: reminder.subscription.id,
      occurrenceKey: reminder.occurrence.key,
      offset: reminder.offset,
      dueDay: reminder.dueDay,
      eventDate: reminder.occurrence.date,
      status: 'expired',
      attempts: 0,
      late: true,
      updatedAt: now.toISOString(),
      lastError: 'boten var inte igång när påminnelsen skulle gå ut och händelsen har passerat',
    };
    await this.deps.store.update((draft) => {
      draft.sentReminders.push(entry);
    });
    summary.expired.push(reminder.key);
  }

  private async fail(key: string, reason: string, now: Date, summary: RunSummary): Promise<void> {
    await this.setEntry(key, { status: 'failed', updatedAt: now.toISOString(), lastError: reason });
    summary.failed.push(key);
  }

  private async setEntry(key: string, change: Partial<SentReminder>): Promise<void> {
    await this.deps.store.update((draft) => {
      const entry = draft.sentReminders.find((e) => e.key === key);
      if (entry) Object.assign(entry, change);
    });
  }

  private subscription(id: string): Subscription | undefined {
    return this.deps.store.read().subscriptions.find((s) => s.id === id);
  }

  /** Tells the kansli about every uncertain, failed or expired reminder not yet reported. */
  private async reportUnreported(): Promise<void> {
    const open = this.deps.store.read().sentReminders.filter(
      (e) => (e.status === 'uncertain' || e.status === 'failed' || e.status === 'expired') && e.reportedAt === undefined,
    );
    for (const entry of open) {
      const sub = this.subscription(entry.subscriptionId);
      const who = sub ? `${this.deps.groupName(sub.forbund, sub.group)} (${sub.channelKey})` : entry.subscriptionId;
      const text =
        entry.status === 'uncertain'
          ? `Påminnelsen ${entry.offset} dagar före ${entry.occurrenceKey} (${entry.eventDate}) till ${who} kan ha skickats – utfallet är okänt efter ett avbrott. Den skickas inte igen automatiskt.`
          : entry.status === 'expired'
            ? `Påminnelsen ${entry.offset} dagar före ${entry.occurrenceKey} (${entry.eventDate}) till ${who} skickades inte: boten var inte igång och händelsen har passerat.`
            : `Påminnelsen ${entry.offset} dagar före ${entry.occurrenceKey} (${entry.eventDate}) till ${who} kunde inte levereras: ${entry.lastError ?? 'okänt fel'}.`;
      try {
        await this.deps.reporter.report({ kind: entry.status as KansliReport['kind'], key: entry.key, subscription: sub, text });
        await this.setEntry(entry.key, { reportedAt: this.deps.clock().toISOString() });
      } catch (error) {
        this.deps.log.error('kansli_report_failed', { key: entry.key, error: String(error) });
      }
    }
  }
}

/**
 * The kansli reporter used by the server and the CLI: a warning in the log, and a message to every
 * channel subscribed to the group `kansli` (through the same delivery registry).
 */
export function createKansliReporter(options: { store: StateStore; registry: DeliveryRegistry; log: Logger }): KansliReporter {
  return {
    async report(report) {
      options.log.warn('reminder_report', { kind: report.kind, key: report.key });
      const targets = options.store.read().subscriptions.filter((s) => s.group === 'kansli' && s.status === 'active');
      for (const t of targets) {
        await deliver(options.registry, t.target, { text: `Till kansliet: ${report.text}` }, { idempotencyKey: `rapport|${report.key}` });
      }
    },
  };
}
