import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

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

/** The largest resident set (bytes) among the processes of a process group (npm → sh → tsx → node): the server's. Linux /proc. */
export function groupRss(pgid: number): number {
  let largest = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) largest = Math.max(largest, Number(rss[1]) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  return largest;
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
}

/**
 * Starts the server exactly as `npm start` does (the npm script, its own process group) with a temp
 * STATE_FILE and a free PORT, polls GET /healthz on 127.0.0.1 until it answers 200, measures the
 * server's RSS, then stops the whole group with SIGTERM.
 */
export async function measureStartup(options: { timeoutMs?: number } = {}): Promise<StartupFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkan-bench-start-'));
  const port = await freePort();
  const start = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), STATE_FILE: path.join(dir, 'state.json'), LOG_LEVEL: 'warn', SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' },
    stdio: 'ignore',
    detached: true,
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
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { readyMs, rss: groupRss(pgid) };
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
