import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dataLoadOptions, parseConfig } from '../../config.js';
import { createLogger } from '../../core/log.js';
import { loadData, type AgreementData } from '../../data/load.js';
import { createConsoleChannel } from '../../delivery/consoleChannel.js';
import { createDeliveryRegistry } from '../../delivery/types.js';
import { groupLabel } from '../../domain/calendar/answer.js';
import { calendarFromData, groupNames } from '../../domain/calendar/fromData.js';
import { STOCKHOLM, zonedInstant } from '../../domain/calendar/zone.js';
import { isIsoDay, type IsoDay } from '../../domain/dates.js';
import { remindersForDay, type DueReminder } from '../../reminders/due.js';
import type { SentReminder, Subscription } from '../../reminders/schema.js';
import { createKansliReporter, ReminderScheduler } from '../../reminders/scheduler.js';
import { DEFAULT_OFFSETS, DEFAULT_TIME_OF_DAY } from '../../reminders/subscriptionText.js';
import { slackDeliveryFromConfig } from '../slack/delivery.js';
import { teamsDeliveryFromConfig } from '../teams/deliveryChannel.js';
import { defaultState, stateSchema } from '../../state/schema.js';
import { openStateStore, type StateStore } from '../../state/store.js';
import { reportCliError } from './runtime.js';

export const REMINDERS_USAGE = 'Användning: npm run -s reminders -- --today ÅÅÅÅ-MM-DD [--dry-run]';

export function parseRemindersArgs(argv: readonly string[]): { today: IsoDay; dryRun: boolean } {
  let today: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--today') {
      today = argv[i + 1];
      i += 1;
    } else if (arg.startsWith('--today=')) today = arg.slice('--today='.length);
    else throw new Error(`Okänt argument: ${arg}\n${REMINDERS_USAGE}`);
  }
  if (today === undefined || !isIsoDay(today)) throw new Error(`Ange --today ÅÅÅÅ-MM-DD.\n${REMINDERS_USAGE}`);
  return { today, dryRun };
}

/**
 * Every group that has something to be reminded of: a virtual subscription with the default
 * offsets, so the dry run can show what is due even where no channel subscribes yet.
 */
function defaultSubscriptions(data: AgreementData, today: IsoDay): Subscription[] {
  const groups = new Set<string>();
  for (const e of data.calendarEvents) for (const g of [e.organ, ...e.alsoOrgans, e.verksamhet]) if (g) groups.add(`${e.forbund}/${g}`);
  for (const r of data.calendarRules) for (const g of [r.organ, ...r.alsoOrgans, r.verksamhet]) if (g) groups.add(`${r.forbund}/${g}`);
  return [...groups].map((fg) => {
    const [forbund = '', group = ''] = fg.split('/');
    return {
      id: `standard#${fg}`, forbund, group, target: { kind: 'web', conversationId: '-' }, channelKey: '-',
      offsets: [...DEFAULT_OFFSETS], timeOfDay: DEFAULT_TIME_OF_DAY, createdAt: `${today}T00:00:00Z`, status: 'active',
    } satisfies Subscription;
  });
}

function statusText(entry: SentReminder | undefined): string {
  if (!entry) return 'inte skickad än';
  const labels: Record<SentReminder['status'], string> = {
    pending: 'pågår (kan ha skickats)', sent: `skickad ${entry.sentAt ?? ''}`, retry: `nytt försök ${entry.nextAttemptAt ?? ''}`,
    uncertain: 'kan ha skickats (rapporterad till kansliet)', failed: `misslyckades: ${entry.lastError ?? ''}`, expired: 'missad, händelsen har passerat',
  };
  return labels[entry.status] + (entry.late ? ' (sen)' : '');
}

/** The state file read once, validated, never written (dry runs only). */
async function readOnlyStore(file: string): Promise<StateStore> {
  let state = defaultState();
  if (existsSync(file)) {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(`Statusfilen ${file} följer inte schemat: ${parsed.error.issues[0]?.message ?? ''}`);
    state = parsed.data;
  }
  return {
    file,
    read: () => state,
    update: () => Promise.reject(new Error('Torrkörningen ändrar ingen status.')),
    flush: () => Promise.resolve(),
  };
}

async function main(): Promise<void> {
  const { today, dryRun } = parseRemindersArgs(process.argv.slice(2));
  const config = parseConfig(process.env);
  const log = createLogger({ level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn' }).child({ component: 'reminders' });
  const data = await loadData(config.DATA_DIR, dataLoadOptions(config));
  // A dry run only reads: it takes no writer lock (it works beside a running server) and never
  // creates a state file; without one there are simply no subscriptions yet.
  const store = dryRun ? await readOnlyStore(config.STATE_FILE) : await openStateStore(config.STATE_FILE);
  const groups = groupNames(data);
  const calendar = () => calendarFromData(data, store.read().calendarAdditions);
  const name = (forbund: string, group: string) => groupLabel({ groups }, group, forbund);
  const out = (line = '') => process.stdout.write(`${line}\n`);

  const subscriptions = store.read().subscriptions;
  const real = remindersForDay(calendar(), subscriptions, today);
  const standard = remindersForDay(calendar(), defaultSubscriptions(data, today), today);
  const log_ = new Map(store.read().sentReminders.map((e) => [e.key, e]));

  out(`Påminnelser som ska gå ut ${today} (${STOCKHOLM})${dryRun ? ' – torrkörning, inget skickas' : ''}:`);
  // Per group and event: the default offsets' reminders, then who subscribes.
  const byGroup = new Map<string, DueReminder[]>();
  for (const r of standard) {
    const key = `${r.subscription.forbund}/${r.subscription.group}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), r]);
  }
  for (const r of real) {
    const key = `${r.subscription.forbund}/${r.subscription.group}`;
    if (!byGroup.has(key)) byGroup.set(key, []);
  }
  if (byGroup.size === 0) out('  Inga händelser har en påminnelse den dagen.');
  for (const [fg, reminders] of [...byGroup.entries()].sort()) {
    const [forbund = '', group = ''] = fg.split('/');
    out();
    out(`${name(forbund, group)} (${fg})`);
    const subs = real.filter((r) => r.subscription.forbund === forbund && r.subscription.group === group);
    const events = new Map<string, { r: DueReminder; offsets: Set<number> }>();
    for (const r of [...reminders, ...subs]) {
      const e = events.get(r.occurrence.key) ?? { r, offsets: new Set<number>() };
      e.offsets.add(r.offset);
      events.set(r.occurrence.key, e);
    }
    for (const { r, offsets } of events.values()) {
      const parts: Record<string, string> = { formiddag: 'förmiddag', eftermiddag: 'eftermiddag', heldag: 'heldag' };
      const time = r.occurrence.startTime ?? (r.occurrence.partOfDay ? parts[r.occurrence.partOfDay] : '');
      out(`  • ${r.occurrence.date}${time ? ` (${time})` : ''} ${r.occurrence.title} – ${[...offsets].sort((a, b) => b - a).map((o) => `${o} dagar före`).join(', ')}`);
      const receivers = subs.filter((s) => s.occurrence.key === r.occurrence.key);
      if (receivers.length === 0) out('      inga prenumerationer');
      for (const s of receivers) {
        out(`      → ${s.subscription.channelKey}: ${s.offset} dagar före, kl. ${s.timeOfDay} – ${statusText(log_.get(s.key))}`);
      }
    }
  }

  if (dryRun) return;
  const slack = slackDeliveryFromConfig(config, log);
  const teams = teamsDeliveryFromConfig(config, log, store);
  const registry = createDeliveryRegistry([createConsoleChannel(process.stdout), ...(slack ? [slack] : []), ...(teams ? [teams] : [])]);
  // "Today" runs to its end, so every reminder due that day (and missed earlier ones) goes out now.
  const clock = () => zonedInstant(today, '23:59', STOCKHOLM);
  const scheduler = new ReminderScheduler({
    store, calendar, registry, clock, log, groupName: name, reporter: createKansliReporter({ store, registry, log }),
    documentTitle: (doc) => data.documents.find((d) => d.doc === doc)?.title,
    // The run stands for the whole day: a reminder is late only when its day has passed.
    lateAfterMs: 24 * 3_600_000,
  });
  const recovered = await scheduler.recover();
  const run = await scheduler.tick();
  out();
  out(`Skickade: ${run.sent.length + recovered.sent.length}, nya försök senare: ${run.retrying.length}, misslyckade: ${run.failed.length}, ` +
    `kan ha skickats: ${run.uncertain.length + recovered.uncertain.length}, missade: ${run.expired.length}.`);
  const skipped = real.filter((r) => !registry.get(r.subscription.target.kind));
  if (skipped.length > 0) out(`Väntar på en process med kanalen (${[...new Set(skipped.map((r) => r.subscription.target.kind))].join(', ')}): ${skipped.length}.`);
  await store.flush();
}

main().catch(reportCliError);
