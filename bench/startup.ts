import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { phasesFromFields } from '../src/core/startupPhases.js';

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The processes of a process group (npm → sh → node), each with its /proc entry and the fields of
 * its stat after the command (which may hold spaces). Linux /proc; a process that ends while it is
 * read is left out.
 */
function* groupProcesses(pgid: number): Generator<{ entry: string; fields: string[] }> {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) yield { entry, fields };
  }
}

/** The largest resident set (bytes) among the processes of a process group: the server's. */
export function groupRss(pgid: number): number {
  let largest = 0;
  for (const { entry } of groupProcesses(pgid)) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) largest = Math.max(largest, Number(rss[1]) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  return largest;
}

/**
 * CPU time (ms, user + system) used so far by the processes of a process group: unlike the wall
 * clock it hardly changes with what else the machine runs (clock ticks of 10 ms).
 */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  // utime and stime are fields 14 and 15 of stat, 12th and 13th after the command.
  for (const { fields } of groupProcesses(pgid)) ticks += Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}

let activeGroup: number | undefined;

/** Stops a start-up measurement still running (the bench's time limit): SIGKILL to its process group. */
export function killActiveStartup(): void {
  if (activeGroup === undefined) return;
  try {
    process.kill(-activeGroup, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export interface StartupFigures {
  /** Spawn to the first 200 from /healthz. */
  readyMs: number;
  /** Resident memory of the server process once ready. */
  rss: number;
  /** CPU time of npm and the server together until /healthz answered (load-independent, unlike readyMs). */
  cpuMs: number;
  /** The server's own split (its `startup_phases` log line; ms since its Node process started), in time order. */
  phases: ReturnType<typeof phasesFromFields>;
  /** Lines of the server's stderr that are not its JSON log (Node's warnings, e.g. DEP0111). */
  otherStderr: string[];
}

/**
 * The node arguments of package.json's `start` script (`node <args>` or `tsx <file>`), for a
 * start-up run under node flags that NODE_OPTIONS refuses (--cpu-prof).
 */
export function startScriptNodeArgs(script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? ''): string[] {
  const words = script.trim().split(/\s+/);
  if (words[0] === 'node') return words.slice(1);
  if (words[0] === 'tsx') return ['--import', 'tsx', ...words.slice(1)];
  throw new Error(`npm start kör inte node eller tsx direkt: ${script}`);
}

/** The server's `startup_phases` line among its log lines (JSON, one per line), if it came. */
export function startupPhasesIn(stderr: string): ReturnType<typeof phasesFromFields> | undefined {
  for (const line of stderr.split('\n')) {
    if (!line.includes('"startup_phases"')) continue;
    try {
      return phasesFromFields(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A cut line: keep looking.
    }
  }
  return undefined;
}

/**
 * Starts the server exactly as `npm start` does (the npm script, its own process group) with a temp
 * STATE_FILE and a free PORT, polls GET /healthz on 127.0.0.1 until it answers 200, measures the
 * server's RSS and reads its start-up split from its log, then stops the whole group with SIGTERM.
 * With `cpuProfileDir` it runs the start script's node command under `--cpu-prof` instead of npm.
 */
export async function measureStartup(options: { timeoutMs?: number; cpuProfileDir?: string } = {}): Promise<StartupFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkan-bench-start-'));
  const port = await freePort();
  // --cpu-prof is refused in NODE_OPTIONS, so a profiled start runs the start script's node command directly.
  const command = options.cpuProfileDir
    ? [process.execPath, '--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, ...startScriptNodeArgs()]
    : ['npm', 'start', '--silent'];
  const start = performance.now();
  const child = spawn(command[0] ?? 'npm', command.slice(1), {
    env: { ...process.env, PORT: String(port), STATE_FILE: path.join(dir, 'state.json'), LOG_LEVEL: 'info', SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-65_536);
  });
  const pgid = child.pid ?? 0;
  activeGroup = pgid;
  const deadline = start + (options.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (performance.now() > deadline) throw new Error(`npm start: /healthz svarade inte inom ${options.timeoutMs ?? 30_000} ms`);
      if (child.exitCode !== null) throw new Error(`npm start avslutades med kod ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) break;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const readyMs = performance.now() - start;
    const cpuMs = groupCpuMs(pgid);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The split is logged once the search index is built, which may come after /healthz answers.
    let phases = startupPhasesIn(stderr);
    for (let i = 0; phases === undefined && i < 500 && child.exitCode === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      phases = startupPhasesIn(stderr);
    }
    const otherStderr = stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    return { readyMs, rss: groupRss(pgid), cpuMs, phases: phases ?? [], otherStderr };
  } finally {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const kill = setTimeout(() => {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // Gone.
        }
        resolve();
      }, 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
    });
    activeGroup = undefined;
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The server's `.cpuprofile` in `dir` after a profiled start-up: V8 writes it when the process
 * exits, so this waits up to `timeoutMs` for a complete file whose frames include our main module.
 */
export async function serverCpuProfile(dir: string, timeoutMs = 10_000): Promise<string | undefined> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
      const file = path.join(dir, name);
      try {
        const text = readFileSync(file, 'utf8');
        JSON.parse(text);
        if (/\/(src\/main\.ts|dist\/main\.js)"/.test(text)) return file;
      } catch {
        // Still being written.
      }
    }
    if (performance.now() > until) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
