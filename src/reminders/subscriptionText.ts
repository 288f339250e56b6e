import { normalize } from '../domain/text.js';

export const DEFAULT_OFFSETS = [7, 1] as const;
export const DEFAULT_TIME_OF_DAY = '08:00';

export interface SubscriptionRequest {
  offsets: number[];
  timeOfDay: string;
  /** A Swedish sentence when the request cannot be honoured (e.g. "kl 25"). */
  problem?: string;
}

/**
 * Offsets and time of day in a subscription request: "3 och 1 dagar före", "en vecka innan",
 * "samma dag", "kl 9", "klockan 07:30". Defaults: 7 and 1 days before, 08:00 (DESIGN.md).
 */
export function parseSubscriptionRequest(text: string): SubscriptionRequest {
  const n = normalize(text);
  let timeOfDay: string = DEFAULT_TIME_OF_DAY;
  const time = /\b(?:kl|klockan)\.? ?(\d{1,2})(?:[:.](\d{2}))?\b/.exec(n);
  if (time) {
    const h = Number(time[1]);
    const m = Number(time[2] ?? '0');
    if (h > 23 || m > 59) return { offsets: [...DEFAULT_OFFSETS], timeOfDay, problem: `Tiden ${time[0]} finns inte. Skriv till exempel ”kl 08:00”.` };
    timeOfDay = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }
  const withoutTime = time ? n.replace(time[0], ' ') : n;
  const offsets = new Set<number>();
  const days = /\b((?:\d{1,3}(?:, ?| och | & |\/| ))*\d{1,3}) dag(?:ar)?\b/.exec(withoutTime);
  if (days) for (const d of (days[1] ?? '').split(/\D+/)) if (d !== '') offsets.add(Number(d));
  if (/\b(en|1) vecka (fore|innan)\b/.test(withoutTime)) offsets.add(7);
  if (/\bsamma dag\b/.test(withoutTime)) offsets.add(0);
  if ([...offsets].some((d) => d > 365)) return { offsets: [...DEFAULT_OFFSETS], timeOfDay, problem: 'Påminnelser kan gå ut högst 365 dagar före.' };
  return { offsets: offsets.size > 0 ? [...offsets].sort((a, b) => b - a) : [...DEFAULT_OFFSETS], timeOfDay };
}

/** One subscription per channel, förbund and group: subscribing again replaces its settings. */
export function subscriptionId(channelKey: string, forbund: string, group: string): string {
  return `${channelKey}#${forbund}/${group}`;
}
