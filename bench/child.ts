import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerKind, ServerOptions } from './servers.js';
import { startScriptNodeArgs } from './startup.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(HERE, 'serverChild.ts');
/** The child entry bundled as `npm start`'s server is (no tsx loader in the process), once built. */
let bundledEntry: string | undefined;

/** The node flags `npm start` gives the server (the heap limits in package.json's start script), without the script. */
function startFlags(): string[] {
  return startScriptNodeArgs().filter((arg) => arg.startsWith('--'));
}

/**
 * Bundles the child entry into `dir` with the build's own settings (scripts/build.mjs), so the
 * servers run as `npm start` runs ours: one bundle, no tsx. Returns false when esbuild is missing
 * (the children then run from the sources with tsx).
 */
export async function bundleChildren(dir: string): Promise<boolean> {
  let esbuild: unknown;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  const buildScript = path.join(HERE, '..', 'scripts', 'build.mjs');
  const { bundle } = (await import(buildScript)) as { bundle: (esbuild: unknown, entryPoints: string[], outdir: string) => Promise<void> };
  await bundle(esbuild, [ENTRY], dir);
  bundledEntry = path.join(dir, 'serverChild.js');
  return true;
}

export interface Child<R> {
  process: ChildProcess;
  ready: R;
  /** Resident memory of the child (bytes), asked over IPC. */
  rss(): Promise<number>;
  /** Resident memory and the live JS heap (bytes): a growing heap is a leak, a growing RSS alone is the allocator's high-water mark. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /** The JS heap after a full garbage collection (bytes): what is still reachable, so growth of it across runs is a leak. */
  liveHeap(): Promise<number>;
  /** Writes a V8 heap snapshot of the child to `file` (blocks the child for a few seconds). */
  heapSnapshot(file: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts `bench/serverChild.ts <kind>` in its own Node process (bundled, with `npm start`'s node
 * flags, after {@link bundleChildren}; else with tsx as loader), so the load
 * generator never shares its event loop and its memory is its own. Rejects if it is not ready
 * within `timeoutMs`; its stderr is kept (last 4 KB) for the error message.
 */
export function startChild<R>(kind: ServerKind | 'fakes' | 'baselines', options: Partial<ServerOptions> = {}, timeoutMs = 60_000): Promise<Child<R>> {
  const child = fork(bundledEntry ?? ENTRY, [kind], {
    execArgv: bundledEntry ? ['--no-warnings', ...startFlags()] : ['--import', 'tsx', '--no-warnings'],
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
        liveHeap: async () => {
          const answer = waitFor<{ heapUsed: number }>('live');
          child.send({ type: 'live' });
          return (await answer).heapUsed;
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
