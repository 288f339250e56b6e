import { performance } from 'node:perf_hooks';
import type { LogFields } from './log.js';

/** One point of the start-up: how long since the process started, and its memory then. */
export interface StartupPhase {
  phase: string;
  /** Milliseconds since the Node process started (performance.timeOrigin). */
  ms: number;
  rss: number;
  heapUsed: number;
}

export interface StartupRecorder {
  /** Records `phase` as done now. */
  mark(phase: string): void;
  phases(): readonly StartupPhase[];
  /** The phases as flat log fields: `<phase>Ms`, `<phase>RssMb`, `<phase>HeapMb` (the `startup_phases` line). */
  fields(): LogFields;
}

/**
 * The start-up split (issue 16): main.ts marks modules loaded → data loaded → indexes built →
 * listening, and logs them once as `startup_phases`, which `npm run bench` reads.
 */
export function createStartupRecorder(now: () => number = () => performance.now(), memory: () => NodeJS.MemoryUsage = () => process.memoryUsage()): StartupRecorder {
  const list: StartupPhase[] = [];
  const megabytes = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    mark(phase) {
      const { rss, heapUsed } = memory();
      list.push({ phase, ms: Math.round(now() * 10) / 10, rss, heapUsed });
    },
    phases: () => list,
    fields() {
      const fields: LogFields = {};
      for (const p of list) {
        fields[`${p.phase}Ms`] = p.ms;
        fields[`${p.phase}RssMb`] = megabytes(p.rss);
        fields[`${p.phase}HeapMb`] = megabytes(p.heapUsed);
      }
      return fields;
    },
  };
}

/** Reads the phases back from a `startup_phases` log line's fields (the bench's side), in time order. */
export function phasesFromFields(fields: Record<string, unknown>): { phase: string; ms: number; rssMb: number; heapMb: number }[] {
  const out: { phase: string; ms: number; rssMb: number; heapMb: number }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const match = /^(.+)Ms$/.exec(key);
    if (!match?.[1] || typeof value !== 'number') continue;
    const phase = match[1];
    out.push({ phase, ms: value, rssMb: Number(fields[`${phase}RssMb`]), heapMb: Number(fields[`${phase}HeapMb`]) });
  }
  return out.sort((a, b) => a.ms - b.ms);
}
