import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startLoadFakes } from './fakes.js';
import { BASELINE_KINDS, SERVER_KINDS, startServer, type ServerKind, type ServerOptions } from './servers.js';

/**
 * Child-process entry of the HTTP bench: `bench/serverChild.ts <kind>` with options as JSON in
 * BENCH_SERVER_OPTIONS. Reports `{ ready, port | urls }` over IPC, answers `rss` with its resident
 * memory, `live` with the JS heap after a full garbage collection (what is still reachable), `heap` by writing a heap snapshot to the given file, and exits on `stop` (or when the parent goes away).
 */
type Ready =
  | { ready: true; port: number }
  | { ready: true; ports: Record<string, number> }
  | { ready: true; connectorUrl: string; slackApiUrl: string };

/** A full garbage collection without --expose-gc on the command line (the flag set at run time, gc taken from a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function send(message: Record<string, unknown>): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const kind = process.argv[2] ?? '';
  const options = JSON.parse(process.env.BENCH_SERVER_OPTIONS ?? '{}') as ServerOptions;
  let close: () => Promise<void>;
  let ready: Ready;
  if (kind === 'fakes') {
    const fakes = await startLoadFakes();
    close = fakes.close;
    ready = { ready: true, connectorUrl: fakes.connectorUrl, slackApiUrl: fakes.slackApiUrl };
  } else if (kind === 'baselines') {
    const servers = await Promise.all(BASELINE_KINDS.map((k) => startServer(k, options)));
    close = async () => {
      await Promise.all(servers.map((s) => s.close()));
    };
    ready = { ready: true, ports: Object.fromEntries(BASELINE_KINDS.map((k, i) => [k, servers[i]?.port ?? 0])) };
  } else if ((SERVER_KINDS as readonly string[]).includes(kind)) {
    const server = await startServer(kind as ServerKind, options);
    close = server.close;
    ready = { ready: true, port: server.port };
  } else {
    throw new Error(`okänd serverart: ${kind}`);
  }
  process.on('message', (message: unknown) => {
    const type = (message as { type?: string } | undefined)?.type;
    if (type === 'rss') {
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'rss', rss, heapUsed });
    }
    if (type === 'live') {
      collectGarbage();
      send({ type: 'live', heapUsed: process.memoryUsage().heapUsed });
    }
    if (type === 'heap') {
      // V8 collects garbage before it writes: the snapshot holds what is reachable.
      const file = writeHeapSnapshot(String((message as { file?: string }).file));
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'heap', file, rss, heapUsed });
    }
    if (type === 'stop') {
      const timer = setTimeout(() => process.exit(0), 3000);
      void close().finally(() => {
        clearTimeout(timer);
        process.exit(0);
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
