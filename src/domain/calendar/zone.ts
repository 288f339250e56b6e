import { isoDay, type IsoDay } from '../dates.js';

/**
 * Wall-clock time in a named time zone (the förbund live in Europe/Stockholm), DST-safe.
 * Pure: only the Intl time-zone database is consulted, never the process clock or TZ variable.
 */

export const STOCKHOLM = 'Europe/Stockholm';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0,
    hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at `instant`, in milliseconds (Stockholm: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(instant: Date, zone: string = STOCKHOLM): number {
  const w = wallClock(instant, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The calendar day it is in `zone` at `instant` (23:30 UTC on 31 December is already New Year in Stockholm). */
export function zonedDay(instant: Date, zone: string = STOCKHOLM): IsoDay {
  const w = wallClock(instant, zone);
  return isoDay(w.year, w.month, w.day);
}

/** "HH:MM" wall-clock time in `zone` at `instant`. */
export function zonedTime(instant: Date, zone: string = STOCKHOLM): string {
  const w = wallClock(instant, zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/**
 * The instant at which the wall clock in `zone` shows `time` ("HH:MM") on `day`.
 * Across a DST change the offset is taken at the target, not at midnight. A time that does not
 * exist (02:30 on the spring-forward night) maps to the instant one hour later on the wall clock;
 * a time that exists twice (02:30 on the autumn night) maps to the first of them.
 */
export function zonedInstant(day: IsoDay, time: string, zone: string = STOCKHOLM): Date {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`Ogiltig tid: ${time} (väntade TT:MM)`);
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  // Try the offsets in force around the target; keep the first that reproduces the wall time.
  const offsets = [zoneOffsetMs(new Date(wall - 12 * 3_600_000), zone), zoneOffsetMs(new Date(wall + 12 * 3_600_000), zone)];
  for (const offset of offsets) {
    const candidate = new Date(wall - offset);
    if (zoneOffsetMs(candidate, zone) === offset) return candidate;
  }
  // Non-existent wall time: the gap is skipped forward.
  return new Date(wall - (offsets[0] ?? 0));
}
