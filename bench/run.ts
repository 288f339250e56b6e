import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadData } from '../src/data/load.js';
import { bundleChildren, startChild, type Child } from './child.js';
import { replicateData } from './dataScale.js';
import { chatRequests, CONVERSATION_POOL, messagesRequests, openChatConversations, runLoad, slackRequests, type LoadResult } from './load.js';
import { runSchedulerBench } from './scheduler.js';
import type { ServerKind } from './servers.js';
import { summariseCpuProfile, type CpuProfile } from './cpuProfile.js';
import { summariseHeapSnapshot } from './heapSnapshot.js';
import { killActiveStartup, measureStartup, serverCpuProfile, type StartupFigures } from './startup.js';
import { mb, ms, percentiles, ratio, table, type Percentiles } from './stats.js';
import { createTurnBench, type TurnRun } from './turns.js';

/**
 * `npm run bench` (issue 10): turn latency in process, HTTP throughput against echo baselines
 * measured in the same run, start-up, memory, scheduler scale, data scale and stability. Bounded
 * (each part has a time budget; the whole run stays under 3 minutes), traffic only to 127.0.0.1,
 * servers in child processes. Prints a table, then one summary line per figure with its target.
 */

const T0 = performance.now();
const elapsed = (): string => `${((performance.now() - T0) / 1000).toFixed(0)} s`;
const progress = (text: string): void => {
  process.stderr.write(`[bench ${elapsed()}] ${text}\n`);
};

/** Hard limit of the whole run: past it the bench prints what it has and stops (children exit with it). */
const HARD_LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 165_000);
const TURNS = Number(process.env.BENCH_TURNS ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];
const summaries: string[] = [];
const row = (r: Row): void => {
  rows.push(r);
};
const summary = (text: string): void => {
  summaries.push(text);
};
const yes = (ok: boolean): string => (ok ? 'nått' : 'inte nått');

function latencyText(p: Percentiles): string {
  return `p50 ${ms(p.p50)} · p95 ${ms(p.p95)} · p99 ${ms(p.p99)} · max ${ms(p.max)}`;
}

function turnPercentiles(run: TurnRun): Percentiles {
  return percentiles(run.samples.map((s) => s.ms));
}

async function turnLatency(): Promise<Percentiles> {
  progress(`turlatens: ${TURNS} turer genom core.ask`);
  const bench = await createTurnBench({ dataDir: 'data' });
  try {
    const run = await bench.run(TURNS, { warmup: 100, pool: CONVERSATION_POOL, budgetMs: 50_000 });
    const p = turnPercentiles(run);
    const total = run.samples.reduce((s, x) => s + x.ms, 0);
    const cut = run.samples.length < TURNS ? ` (tidsgränsen nådd efter ${run.samples.length} turer)` : '';
    row({ figure: `Turlatens, ${run.samples.length} turer${cut}`, value: latencyText(p), baseline: '', ratio: '', target: 'p99 < 5 ms' });
    row({
      figure: '  varav statusskrivningar',
      value: `${((run.stateMs / total) * 100).toFixed(0)} % av turtiden (${run.stateWrites} skrivningar, ${(run.stateWrites / run.samples.length).toFixed(1)} per tur, statusfil ${(run.stateChars / 1024).toFixed(0)} kB)`,
      baseline: '',
      ratio: '',
      target: '',
    });
    const kinds = [...new Set(run.samples.map((s) => s.kind))];
    for (const kind of kinds) {
      const k = percentiles(run.samples.filter((s) => s.kind === kind).map((s) => s.ms));
      row({ figure: `  ${kind}`, value: `p50 ${ms(k.p50)} · p99 ${ms(k.p99)}`, baseline: '', ratio: '', target: '' });
    }
    if (run.empty > 0) row({ figure: '  tomma svar', value: String(run.empty), baseline: '', ratio: '', target: '0' });
    summary(`Turlatens: p99 ${ms(p.p99)} över ${run.samples.length} turer (mål p99 < 5 ms: ${yes(p.p99 < 5)}); statusskrivningar ${((run.stateMs / total) * 100).toFixed(0)} % av turtiden.`);

    // The same mix with a new conversation per script: the state file grows by every conversation.
    progress('statustillväxt: ny konversation per skript');
    const growth = await createTurnBench({ data: bench.data });
    try {
      const g = await growth.run(1500, { pool: undefined, budgetMs: 6_000 });
      const tenth = Math.max(1, Math.floor(g.samples.length / 10));
      const first = percentiles(g.samples.slice(0, tenth).map((s) => s.ms));
      const last = percentiles(g.samples.slice(-tenth).map((s) => s.ms));
      row({
        figure: `Nya konversationer, ${g.samples.length} turer`,
        value: `p50 första tiondel ${ms(first.p50)} → sista ${ms(last.p50)} (statusfil ${(g.stateChars / 1024).toFixed(0)} kB, ${g.conversations} konversationer)`,
        baseline: ms(first.p50),
        ratio: ratio(last.p50, first.p50),
        target: 'oförändrad',
      });
      summary(`Statustillväxt: p50 ${ms(first.p50)} → ${ms(last.p50)} när statusfilen växer till ${(g.stateChars / 1024).toFixed(0)} kB (${ratio(last.p50, first.p50)}; mål: ingen tillväxt).`);
    } finally {
      await growth.close();
    }
    return p;
  } finally {
    await bench.close();
  }
}

async function dataScale(one: Percentiles): Promise<void> {
  progress('dataskala: 50 förbund');
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkan-bench-data-'));
  try {
    const folders = await replicateData('data', dir, 50);
    const loadStart = performance.now();
    const data = await loadData(dir);
    const loadMs = performance.now() - loadStart;
    const bench = await createTurnBench({ data });
    try {
      const run = await bench.run(Math.min(TURNS, 1500), { warmup: 26, pool: CONVERSATION_POOL, budgetMs: 8_000 });
      const p = turnPercentiles(run);
      row({
        figure: `Dataskala, ${folders.length} förbund, ${run.samples.length} turer`,
        value: latencyText(p),
        baseline: `p50 ${ms(one.p50)} · p99 ${ms(one.p99)}`,
        ratio: `p50 ${ratio(p.p50, one.p50)} · p99 ${ratio(p.p99, one.p99)}`,
        target: '< 200 %',
      });
      row({ figure: '  laddning av data/', value: ms(loadMs, 0), baseline: '', ratio: '', target: '' });
      const r = p.p50 / one.p50;
      summary(`Dataskala: ${folders.length} förbund ger p50 ${ms(p.p50)} = ${ratio(p.p50, one.p50)} av ett förbund (p99 ${ratio(p.p99, one.p99)}) (mål < 2×: ${yes(r < 2)}).`);
    } finally {
      await bench.close();
    }
    progress('schemaläggare: 10 000 prenumerationer');
    const data1 = await loadData('data');
    for (const [label, d] of [['data/', data1], [`${folders.length} förbund`, data]] as const) {
      const s = runSchedulerBench(d, 10_000, { runs: 3, tickRuns: 1 });
      row({
        figure: `Påminnelser en dag, ${s.subscriptions} prenumerationer, ${label}`,
        value: `${ms(s.dayMs, 1)} (${s.due} påminnelser, ${s.events} händelser)`,
        baseline: '',
        ratio: '',
        target: '< 100 ms',
      });
      row({ figure: '  schemaläggarens första körning för dagen (ett år bakåt)', value: ms(s.tickMs, 0), baseline: '', ratio: '', target: '' });
      summary(`Schemaläggare (${label}): en dags påminnelser för ${s.subscriptions} prenumerationer på ${ms(s.dayMs, 1)} (mål < 100 ms: ${yes(s.dayMs < 100)}); första körningen för dagen ${ms(s.tickMs, 0)}.`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);

async function startup(): Promise<void> {
  progress(`uppstart: npm start till /healthz (${STARTUP_RUNS} gånger, medianen räknas)`);
  const runs: StartupFigures[] = [];
  for (let i = 0; i < STARTUP_RUNS; i += 1) runs.push(await measureStartup());
  runs.sort((a, b) => a.readyMs - b.readyMs);
  const s = runs[Math.floor((runs.length - 1) / 2)];
  if (!s) return;
  row({ figure: `Uppstart (npm start → /healthz 200), median av ${runs.length}`, value: `${ms(s.readyMs, 0)} (${runs.map((r) => ms(r.readyMs, 0)).join(' · ')})`, baseline: '', ratio: '', target: '< 1 500 ms' });
  row({ figure: '  CPU-tid till /healthz (npm + server)', value: `${ms(s.cpuMs, 0)} (${runs.map((r) => ms(r.cpuMs, 0)).join(' · ')}); väggtid/CPU-tid ${(s.readyMs / Math.max(1, s.cpuMs)).toFixed(1)}`, baseline: '', ratio: '', target: '' });
  row({ figure: 'Minne efter uppstart (RSS)', value: mb(s.rss), baseline: '', ratio: '', target: '< 200 MB' });
  // The server's own split: time since its Node process started, RSS and JS heap after each phase.
  let previous = 0;
  for (const p of s.phases) {
    row({ figure: `  ${p.phase} (ms sedan processtart)`, value: `${ms(p.ms, 0)} (+${ms(p.ms - previous, 0)}) · RSS ${p.rssMb.toFixed(0)} MB · heap ${p.heapMb.toFixed(0)} MB`, baseline: '', ratio: '', target: '' });
    previous = p.ms;
  }
  const listening = s.phases.find((p) => p.phase === 'listening');
  if (listening) row({ figure: '  före processtart (npm, tsx) och /healthz-pollning', value: ms(s.readyMs - listening.ms, 0), baseline: '', ratio: '', target: '' });
  summary(
    `Uppstart: ${ms(s.readyMs, 0)} till /healthz (mål < 1,5 s: ${yes(s.readyMs < 1500)}), CPU-tid ${ms(s.cpuMs, 0)}; RSS ${mb(s.rss)} (mål < 200 MB: ${yes(s.rss < 200 * 1024 * 1024)}); ` +
      `${s.phases.map((p) => `${p.phase} ${ms(p.ms, 0)}`).join(' → ')}.`,
  );
  await startupProfile();
}

/** One more start-up under `--cpu-prof`: self time by package or file (profiling slows it, so it is not the figure above). */
async function startupProfile(): Promise<void> {
  progress('uppstart: CPU-profil');
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkan-bench-prof-'));
  try {
    await measureStartup({ cpuProfileDir: dir });
    const file = await serverCpuProfile(dir);
    if (!file) {
      row({ figure: 'Uppstartsprofil', value: 'ingen profil skrevs', baseline: '', ratio: '', target: '' });
      return;
    }
    const { totalMs, rows: top } = summariseCpuProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, process.cwd(), 10);
    row({ figure: 'Uppstartsprofil, egen tid (CPU, --cpu-prof)', value: `${ms(totalMs, 0)} samplad tid utom vila`, baseline: '', ratio: '', target: '' });
    for (const t of top) row({ figure: `  ${t.where}`, value: `${ms(t.ms, 0)} (${(t.share * 100).toFixed(0)} %)`, baseline: '', ratio: '', target: '' });
    summary(`Uppstartsprofil: ${top.slice(0, 5).map((t) => `${t.where} ${(t.share * 100).toFixed(0)} %`).join(', ')}.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Heap snapshot of our server after the load: the constructors that retain the most. */
async function heapSummary(child: Child<unknown>): Promise<void> {
  // Writing and reading a snapshot takes 5–20 s on a busy machine: skipped rather than cut off by the hard limit.
  if (performance.now() - T0 > HARD_LIMIT_MS - 40_000) {
    row({ figure: 'Heap efter lasten', value: 'hoppades över (för lite tid kvar före tidsgränsen)', baseline: '', ratio: '', target: '' });
    return;
  }
  progress('minne: heap-ögonblicksbild av vår server');
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkan-bench-heap-'));
  try {
    const file = await child.heapSnapshot(path.join(dir, 'ours.heapsnapshot'));
    const summaryOf = summariseHeapSnapshot(file, 10);
    row({ figure: 'Heap efter lasten, största behållna konstruktorer', value: `${mb(summaryOf.totalSize)} nåbart, ${summaryOf.nodeCount} objekt`, baseline: '', ratio: '', target: '' });
    for (const r of summaryOf.rows) {
      row({ figure: `  ${r.name}`, value: `behåller ${mb(r.retainedSize)} · egen ${mb(r.selfSize)} · ${r.count} st`, baseline: '', ratio: '', target: '' });
    }
    summary(`Heap efter lasten: ${mb(summaryOf.totalSize)}; mest behållet: ${summaryOf.rows.slice(0, 5).map((r) => `${r.name} ${mb(r.retainedSize)}`).join(', ')}.`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function loadText(r: LoadResult): string {
  if (r.total === 0) return `inga svar inom mätfönstret (${SECONDS} s)${r.failed > 0 ? ` · ${r.failed} FEL` : ''}`;
  return `${r.rps.toFixed(0)} req/s · p50 ${r.p50} ms · p99 ${r.p99} ms${r.failed > 0 ? ` · ${r.failed} FEL` : ''}`;
}

async function http(): Promise<void> {
  progress('HTTP: bygger servrarna som en bunt (som npm start), startar dem (barnprocesser)');
  // Inside the project (dist/bench/, emptied by every build): the bundle's externals resolve from node_modules.
  if (!(await bundleChildren(path.resolve('dist', 'bench')))) row({ figure: 'HTTP-servrarna', value: 'från källkoden med tsx (esbuild saknas), inte som bunt', baseline: '', ratio: '', target: '' });
  const fakes = await startChild<{ connectorUrl: string; slackApiUrl: string }>('fakes');
  const children: Child<unknown>[] = [];
  try {
    // Ours alone in its process (its RSS is ours); the three echo baselines share one (one is loaded at a time).
    const [ours, baselines] = await Promise.all([
      startChild<{ port: number }>('ours', { slackApiUrl: fakes.ready.slackApiUrl, connectorUrl: fakes.ready.connectorUrl }),
      startChild<{ ports: Record<string, number> }>('baselines', { slackApiUrl: fakes.ready.slackApiUrl }),
    ]);
    children.push(ours, baselines);
    const url = (kind: ServerKind): string => `http://127.0.0.1:${kind === 'ours' ? ours.ready.port : (baselines.ready.ports[kind] ?? 0)}`;
    const rssStart = await ours.rss();

    const conversations = await openChatConversations(url('ours'), 50);
    const endpoints: { path: string; baseline: ServerKind; requests: () => ReturnType<typeof chatRequests> }[] = [
      { path: '/chat', baseline: 'restify-echo', requests: () => chatRequests(conversations) },
      { path: '/api/messages', baseline: 'botbuilder-echo', requests: () => messagesRequests(fakes.ready.connectorUrl) },
      { path: '/slack/events', baseline: 'bolt-echo', requests: () => slackRequests() },
    ];
    // Our first measured endpoint was otherwise the cold one (JIT, first search index): warm all three first.
    progress('HTTP: uppvärmning av vår server');
    for (const e of endpoints) await runLoad(url('ours'), e.requests, { connections: CONNECTIONS, seconds: 2, warmupSeconds: 0 });
    for (const e of endpoints) {
      progress(`HTTP ${e.path}: baslinje ${e.baseline}, sedan vår server`);
      const base = await runLoad(url(e.baseline), e.requests, { connections: CONNECTIONS, seconds: SECONDS });
      const mine = await runLoad(url('ours'), e.requests, { connections: CONNECTIONS, seconds: SECONDS });
      row({ figure: `HTTP ${e.path}`, value: loadText(mine), baseline: `${e.baseline}: ${loadText(base)}`, ratio: ratio(mine.rps, base.rps), target: '≥ 70 % (sikte 90 %)' });
      summary(
        `HTTP ${e.path}: ${mine.rps.toFixed(0)} req/s = ${ratio(mine.rps, base.rps)} av ${e.baseline} (${base.rps.toFixed(0)} req/s) (mål ≥ 70 %: ${yes(mine.rps >= 0.7 * base.rps)})${mine.failed + base.failed > 0 ? `; fel: våra ${mine.failed}, baslinjens ${base.failed}` : ''}.`,
      );
    }
    const rssAfterLoad = await ours.rss();
    row({ figure: 'Minne, vår server (RSS)', value: `efter start ${mb(rssStart)} → efter lasten ${mb(rssAfterLoad)}`, baseline: '', ratio: '', target: '< 200 MB' });
    row({ figure: '  de tre ekobaslinjerna (en process) efter lasten', value: mb(await baselines.rss()), baseline: '', ratio: '', target: '' });
    summary(`Minne: vår server ${mb(rssStart)} efter start, ${mb(rssAfterLoad)} efter lasten (mål < 200 MB: ${yes(rssAfterLoad < 200 * 1024 * 1024)}).`);

    // Stability: five consecutive runs against the same process.
    await baselines.stop();
    progress('stabilitet: fem körningar mot samma process');
    const runs: { rps: number; rss: number; heap: number; live: number; failed: number }[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await runLoad(url('ours'), () => messagesRequests(fakes.ready.connectorUrl), { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: 0 });
      const memory = await ours.memory();
      // After the RSS reading: a full collection shows what the run left reachable (heapUsed also counts garbage not yet collected).
      runs.push({ rps: r.rps, rss: memory.rss, heap: memory.heapUsed, live: await ours.liveHeap(), failed: r.failed });
    }
    const firstRps = runs[0]?.rps ?? Number.NaN;
    const lastRps = runs[runs.length - 1]?.rps ?? Number.NaN;
    row({
      figure: 'Stabilitet /api/messages, 5 körningar',
      value: runs.map((r) => `${r.rps.toFixed(0)} req/s ${mb(r.rss)} (heap ${mb(r.heap)}, nåbart ${mb(r.live)})${r.failed ? ` (${r.failed} fel)` : ''}`).join(' → '),
      baseline: 'körning 1',
      ratio: ratio(lastRps, firstRps),
      target: 'ingen nedgång',
    });
    const firstLive = runs[0]?.live ?? Number.NaN;
    const lastLive = runs[runs.length - 1]?.live ?? Number.NaN;
    const lastRss = runs[runs.length - 1]?.rss ?? Number.NaN;
    summary(
      `Stabilitet: ${runs.map((r) => r.rps.toFixed(0)).join(' → ')} req/s, RSS ${runs.map((r) => mb(r.rss)).join(' → ')}, JS-heap ${runs.map((r) => mb(r.heap)).join(' → ')}, nåbart efter full GC ${runs.map((r) => mb(r.live)).join(' → ')}; sista körningen ${ratio(lastRps, firstRps)} av första (mål: ingen nedgång: ${yes(lastRps >= 0.9 * firstRps)}); ` +
        `nåbart ${ratio(lastLive, firstLive)} av första körningens (mål: ingen tillväxt, < 105 %: ${yes(lastLive < 1.05 * firstLive)}); RSS efter sista ${mb(lastRss)} (mål < 200 MB: ${yes(lastRss < 200 * 1024 * 1024)}).`,
    );
    await heapSummary(ours);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await fakes.stop();
  }
}

let machine = '';

function print(note?: string): void {
  const header = ['Mått', 'Värde', 'Baslinje (samma körning)', 'Kvot', 'Mål'];
  process.stdout.write(`\nSamverkansboten – prestanda (${new Date().toISOString().slice(0, 16)}Z)\nMaskin: ${machine}\n\n`);
  process.stdout.write(`${table(header, rows.map((r) => [r.figure, r.value, r.baseline, r.ratio, r.target]))}\n\n`);
  process.stdout.write(`${summaries.join('\n')}\n\n${note ? `${note}\n` : ''}Total tid: ${elapsed()}\n`);
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'okänd';
  machine = `${availableParallelism()} kärnor, ${cpu}, Node ${process.version}, belastning ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1/5/15 min)`;
  progress(machine);
  const one = await turnLatency();
  await dataScale(one);
  await startup();
  await http();
  print();
}

const watchdog = setTimeout(() => {
  killActiveStartup();
  print(`AVBRUTEN: tidsgränsen ${HARD_LIMIT_MS / 1000} s nådd; måtten ovan är de som hann bli klara.`);
  process.exit(2);
}, HARD_LIMIT_MS);

main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(0);
  },
  (error: unknown) => {
    killActiveStartup();
    process.stderr.write(`bench misslyckades: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
