import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { stateSchema } from '../../src/state/schema.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

const WRITER_SOURCE = join(process.cwd(), 'tests/state/fixtures/crashWriter.ts');
// The writer (our real store, lowdb, zod) is bundled once into plain JS: a hundred
// `node --import tsx` start-ups cost ~0.4 s each, a bundled start-up ~0.15 s. The lock's native
// addon stays outside the bundle, so the bundle lives where node_modules resolves it.
const WRITER = join(mkdtempSync(join(process.cwd(), 'node_modules', '.cache-samverkan-writer-')), 'crashWriter.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [WRITER_SOURCE],
    outfile: WRITER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    external: ['fs-native-extensions'],
  });
});
afterAll(() => rmSync(dirname(WRITER), { recursive: true, force: true }));
// The budget is generous: on a shared 2-core machine under load, 104 child start-ups take minutes.
const KILLS = 104;
const PARALLEL = 8;

interface KillResult {
  lastAck: number;
  readyAt: number;
}

/** Starts the writer on `file`, kills it with SIGKILL after a random delay, returns the last acknowledged write. */
function runAndKill(file: string, random: () => number): Promise<KillResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let readyAt = -1;
    let armed = false;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [word, num] = line.split(' ');
        if (word === 'ready' && readyAt < 0) {
          readyAt = Number(num);
          lastAck = readyAt;
        }
        if (word === 'ack') {
          // Armed at the first acknowledged write, not at start-up: on a loaded machine a kill
          // timed from "ready" could land before any write had begun.
          if (!armed) setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 40));
          armed = true;
          lastAck = Number(num);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve({ lastAck, readyAt });
    });
  });
}

/** A small deterministic PRNG so a failure can be reproduced with the printed seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('state file under SIGKILL', () => {
  test(`after ${KILLS} kills at random moments the state always parses, validates and holds the last acknowledged write`, async () => {
    const seed = Date.now() % 100000;
    const dir = tempDir('samverkan-crash-');
    let kills = 0;
    let acked = 0;
    const worker = async (w: number): Promise<void> => {
      const random = prng(seed + w);
      const file = join(dir, `state-${w}.json`);
      while (kills < KILLS) {
        kills += 1;
        const { lastAck, readyAt } = await runAndKill(file, random);
        acked += Math.max(0, lastAck - readyAt);
        expect(existsSync(file)).toBe(true);
        const raw = readFileSync(file, 'utf8');
        try {
          stateSchema.parse(JSON.parse(raw));
        } catch {
          throw new Error(`seed ${seed}: ${file} is not valid state after a kill (${raw.length} bytes)`);
        }
        // The state file and the conversation log beside it open as the next start would open them.
        const state = (await openStateStore(file, { readOnly: true })).read();
        const n = state.botState.crash?.n ?? 0;
        // The acknowledged write is on disk; at most the one in flight may have landed after it.
        expect([lastAck, lastAck + 1]).toContain(n);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, (_, w) => worker(w)));
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // The kills did land while writes were going on, not only before the first one.
    expect(acked).toBeGreaterThan(KILLS);
  }, 180_000);
});
