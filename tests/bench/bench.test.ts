import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { startChild } from '../../bench/child.js';
import { replicateData } from '../../bench/dataScale.js';
import { startLoadFakes, type LoadFakes } from '../../bench/fakes.js';
import { chatRequests, messagesRequests, openChatConversations, runLoad, slackRequests } from '../../bench/load.js';
import { runSchedulerBench } from '../../bench/scheduler.js';
import { startServer, type RunningServer } from '../../bench/servers.js';
import { ownerOf, summariseCpuProfile } from '../../bench/cpuProfile.js';
import { summariseHeapSnapshot } from '../../bench/heapSnapshot.js';
import { measureStartup, startScriptNodeArgs } from '../../bench/startup.js';
import { percentiles, table } from '../../bench/stats.js';
import { createTurnBench, TURN_MIX } from '../../bench/turns.js';

/**
 * Smoke test of `npm run bench`'s building blocks with tiny counts, so a change that breaks the
 * bench fails `npm test`. No timing is asserted: numbers belong in the bench's output.
 */

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

describe('bench building blocks', () => {
  test('stats: percentiles and table', () => {
    const p = percentiles([5, 1, 4, 2, 3]);
    expect(p).toMatchObject({ count: 5, p50: 3, max: 5 });
    expect(table(['a', 'b'], [['1', '22']]).split('\n')).toHaveLength(3);
  });

  test('turn mix: every script answers through core.ask, in fresh and pooled conversations', async () => {
    const bench = await createTurnBench({ data });
    try {
      const turns = TURN_MIX.reduce((n, s) => n + s.steps.length, 0);
      const fresh = await bench.run(turns);
      expect(fresh.samples).toHaveLength(turns);
      expect(fresh.empty).toBe(0);
      expect(fresh.stateWrites).toBeGreaterThan(0);
      const pooled = await bench.run(turns, { pool: 3 });
      expect(pooled.empty).toBe(0);
    } finally {
      await bench.close();
    }
  });

  test('data scale: replicated förbund load and answer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-smoke-data-'));
    try {
      const folders = await replicateData('data', dir, 3);
      expect(folders).toHaveLength(3);
      const scaled = await loadData(dir);
      expect(scaled.forbund).toHaveLength(3);
      const bench = await createTurnBench({ data: scaled });
      try {
        expect((await bench.run(2)).empty).toBe(0);
      } finally {
        await bench.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('heap snapshot summary: retained sizes follow the dominator tree, weak edges do not retain, a constructor counts once', async () => {
    // root → A(Holder 10) → B(Leaf 100), D(Leaf 50), E(Holder 7) → F(Leaf 3); root → C(Other 5) → B, and C ⇢ D weakly.
    const node = (type: number, name: number, size: number, edges: number): number[] => [type, name, 0, size, edges, 0, 0];
    const edge = (type: number, to: number): number[] => [type, 0, to * 7];
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
          node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic']],
          edge_fields: ['type', 'name_or_index', 'to_node'],
          edge_types: [['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']],
        },
        node_count: 7,
      },
      nodes: [node(9, 0, 0, 2), node(3, 1, 10, 3), node(3, 2, 5, 2), node(3, 3, 100, 0), node(3, 3, 50, 0), node(3, 1, 7, 1), node(3, 3, 3, 0)].flat(),
      edges: [edge(2, 1), edge(2, 2), edge(2, 3), edge(2, 4), edge(2, 5), edge(2, 3), edge(6, 4), edge(2, 6)].flat(),
      strings: ['', 'Holder', 'Other', 'Leaf'],
    };
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-heap-'));
    try {
      const file = path.join(dir, 'tiny.heapsnapshot');
      await writeFile(file, JSON.stringify(snapshot));
      const summary = summariseHeapSnapshot(file);
      expect(summary.totalSize).toBe(175);
      expect(summary.rows).toEqual([
        { name: 'Leaf', count: 3, selfSize: 153, retainedSize: 153 },
        { name: 'Holder', count: 2, selfSize: 17, retainedSize: 70 },
        { name: 'Other', count: 1, selfSize: 5, retainedSize: 5 },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('CPU profile summary: self time by package, our files by path, idle left out', () => {
    const root = '/repo';
    const frame = (id: number, url: string, functionName = 'f'): { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } } => ({
      id,
      callFrame: { functionName, url, lineNumber: 0, columnNumber: 0 },
    });
    const profile = {
      nodes: [frame(1, '', '(root)'), frame(2, 'file:///repo/node_modules/botbuilder/lib/index.js'), frame(3, 'file:///repo/src/main.ts'), frame(4, 'node:internal/modules/cjs/loader'), frame(5, '', '(idle)')],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 2, 3, 4, 5, 2],
      timeDeltas: [1000, 1000, 1000, 1000, 5000, 1000],
    };
    const { totalMs, rows } = summariseCpuProfile(profile, root);
    expect(totalMs).toBe(5);
    expect(rows.map((r) => [r.where, r.ms])).toEqual([['botbuilder', 3], ['src/main.ts', 1], ['node:internal', 1]]);
    expect(ownerOf('/repo/node_modules/a/node_modules/@scope/b/x.js', root)).toBe('@scope/b');
  });

  test('start script: the node arguments a profiled start-up runs', () => {
    expect(startScriptNodeArgs('tsx src/main.ts')).toEqual(['--import', 'tsx', 'src/main.ts']);
    expect(startScriptNodeArgs('node dist/main.js')).toEqual(['dist/main.js']);
    expect(startScriptNodeArgs('node --heap-growing-percent=20 scripts/start.mjs')).toEqual(['--heap-growing-percent=20', 'scripts/start.mjs']);
    expect(() => startScriptNodeArgs('npm run x')).toThrow();
  });

  test('scheduler scale: one day for generated subscriptions', () => {
    const figures = runSchedulerBench(data, 50, { runs: 1 });
    expect(figures.subscriptions).toBe(50);
    expect(figures.due).toBeGreaterThan(0);
  });
});

describe('bench HTTP building blocks (in process, a few requests each)', () => {
  let fakes: LoadFakes;
  const servers: RunningServer[] = [];
  const urlOf = (s: RunningServer): string => `http://127.0.0.1:${s.port}`;
  beforeAll(async () => {
    fakes = await startLoadFakes();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await fakes.close();
  });

  test('ours and the echo baselines answer /chat, /api/messages and /slack/events without failures', async () => {
    const options = { slackApiUrl: fakes.slackApiUrl, connectorUrl: fakes.connectorUrl, logLevel: 'silent' as const };
    const [ours, botbuilder, bolt, restifyEcho] = await Promise.all(
      (['ours', 'botbuilder-echo', 'bolt-echo', 'restify-echo'] as const).map((kind) => startServer(kind, options)),
    );
    servers.push(...[ours, botbuilder, bolt, restifyEcho].filter((s): s is RunningServer => s !== undefined));
    if (!ours || !botbuilder || !bolt || !restifyEcho) throw new Error('server missing');
    const conversations = await openChatConversations(urlOf(ours), 2);
    const small = { connections: 2, amount: 4, warmupSeconds: 0 };
    const runs = [
      await runLoad(urlOf(ours), () => chatRequests(conversations), small),
      await runLoad(urlOf(restifyEcho), () => chatRequests(conversations), small),
      await runLoad(urlOf(ours), () => messagesRequests(fakes.connectorUrl), small),
      await runLoad(urlOf(botbuilder), () => messagesRequests(fakes.connectorUrl), small),
      await runLoad(urlOf(ours), () => slackRequests(), small),
      await runLoad(urlOf(bolt), () => slackRequests(), small),
    ];
    for (const r of runs) {
      expect(r.failed).toBe(0);
      expect(r.total).toBeGreaterThanOrEqual(4);
    }
    // Replies went through the fakes: connector for /api/messages, chat.postMessage for Slack.
    expect(fakes.calls()).toBeGreaterThanOrEqual(16);
  }, 60_000);

  test('load generator refuses anything but 127.0.0.1', async () => {
    await expect(runLoad('http://example.com:80', () => [])).rejects.toThrow('127.0.0.1');
  });

  test('a child process reports ready and its RSS', async () => {
    const child = await startChild<{ connectorUrl: string }>('fakes');
    try {
      expect(child.ready.connectorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await child.rss()).toBeGreaterThan(0);
      expect(await child.liveHeap()).toBeGreaterThan(0);
    } finally {
      await child.stop();
    }
  }, 60_000);

  test('start-up: npm start answers /healthz from dist/, quietly, and is stopped again', async () => {
    // npm start builds dist/ first when it is stale (a test run after an edit).
    const figures = await measureStartup({ timeoutMs: 80_000 });
    expect(figures.readyMs).toBeGreaterThan(0);
    expect(figures.rss).toBeGreaterThan(0);
    expect(figures.cpuMs).toBeGreaterThan(0);
    expect(figures.phases.map((p) => p.phase)).toEqual(expect.arrayContaining(['modules', 'data', 'indexes', 'listening']));
    // The bundle's spdy stub: no DEP0111 (or any other Node warning) at start; a rebuild notice may come first.
    expect(figures.otherStderr.filter((line) => !line.startsWith('Bygger dist/'))).toEqual([]);
  }, 100_000);
});
