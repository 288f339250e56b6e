import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerKind, ServerOptions } from './servers.js';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'serverChild.ts');

export interface Child<R> {
  process: ChildProcess;
  ready: R;
  /** Resident memory of the child (bytes), asked over IPC. */
  rss(): Promise<number>;
  /** Resident memory and the live JS heap (bytes): a growing heap is a leak, a growing RSS alone is the allocator's high-water mark. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /** Writes a V8 heap snapshot of the child to `file` (blocks the child for a few seconds). */
  heapSnapshot(file: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `bench/serverChild.ts <kind>` in its own Node process (tsx as loader), so the load
 * generator never shares its event loop and its memory is its own. Rejects if it is not ready
 * within `timeoutMs`; its stderr is kept (last 4 KB) for the error message.
 */
export function startChild<R>(kind: ServerKind | 'fakes' | 'baselines', options: Partial<ServerOptions> = {}, timeoutMs = 60_000): Promise<Child<R>> {
  const child = fork(ENTRY, [kind], {
    execArgv: ['--import', 'tsx', '--no-warnings'],
    env: { ...process.env, BENCH_SERVER_OPTIONS: JSON.stringify(options), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4096);
  });
  const waitFor = <T>(type: string): Promise<T> =>
    new Promise((resolve) => {
      const onMessage = (message: unknown): void => {
        const m = message as { type?: string; ready?: boolean };
        if ((type === 'ready' && m.ready) || m.type === type) {
          child.off('message', onMessage);
          resolve(message as T);
        }
      };
      child.on('message', onMessage);
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind}: inte redo efter ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind}: avslutades (kod ${code})\n${stderr}`));
    });
    void waitFor<R>('ready').then((ready) => {
      clearTimeout(timer);
      resolve({
        process: child,
        ready,
        rss: async () => {
          const answer = waitFor<{ rss: number }>('rss');
          child.send({ type: 'rss' });
          return (await answer).rss;
        },
        memory: async () => {
          const answer = waitFor<{ rss: number; heapUsed: number }>('rss');
          child.send({ type: 'rss' });
          const { rss, heapUsed } = await answer;
          return { rss, heapUsed };
        },
        heapSnapshot: async (file: string) => {
          const answer = waitFor<{ file: string }>('heap');
          child.send({ type: 'heap', file });
          return (await answer).file;
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}
