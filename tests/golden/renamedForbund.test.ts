import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { fixedDayClock, systemClock } from '../../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { loadData } from '../../src/data/load.js';
import { evaluateLines } from '../../src/eval/evaluate.js';
import { parseGoldenFile, summarize, type GoldenLine } from '../../src/eval/score.js';
import { openStateStore } from '../../src/state/store.js';
import { namesOtherForbund, otherForbundNames, renameGoldenLine, writeRenamedData } from '../fixtures/renamedForbund/build.js';
import { shiftDay } from '../fixtures/renamedForbund/rename.js';
import { tempDir } from '../helpers/coreTestKit.js';

/**
 * Issue 13, item 5: a copy of the bundled förbund with every name, number and date changed must be
 * answered as well as the original — förbund knowledge belongs in data/, not in code. The renamed
 * golden questions on the renamed data may score at most this many percentage points below the
 * original questions on the original data.
 */
const MAX_GAP_POINTS = 2;
const DATA = join(process.cwd(), 'data');
const DIR = join(process.cwd(), 'tests', 'golden');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort();

// One "today" for both runs (shifted for the copy), so lines without a day compare like with like.
const TODAY = systemClock().toISOString().slice(0, 10);

async function openCore(dataDir: string, today: string): Promise<ConversationCore> {
  const data = await loadData(dataDir);
  const state = await openStateStore(join(tempDir('renamed-golden-'), 'state.json'));
  return createConversationCore({ data, clock: fixedDayClock(today), state, log: createMemoryLogger('warn').logger });
}

let original: ConversationCore;
let renamed: ConversationCore;
const perFile: { file: string; lines: number; original: number; renamed: number }[] = [];

beforeAll(async () => {
  original = await openCore(DATA, TODAY);
  renamed = await openCore(writeRenamedData(DATA, tempDir('renamed-data-')), shiftDay(TODAY));
});

afterAll(async () => {
  await Promise.all([original.flush(), renamed.flush()]);
  const lines = perFile.reduce((acc, f) => acc + f.lines, 0);
  const points = (key: 'original' | 'renamed') => (perFile.reduce((acc, f) => acc + f[key] * f.lines, 0) / lines) * 100;
  process.stdout.write(`${perFile.map((f) => `${f.file}: ${f.lines} rader, original ${(f.original * 100).toFixed(1)} %, omdöpt ${(f.renamed * 100).toFixed(1)} %`).join('\n')}\n`
    + `alla: ${lines} rader, original ${points('original').toFixed(1)} %, omdöpt ${points('renamed').toFixed(1)} %\n`);
});

describe('renamed third förbund scores like the original on the same golden questions', () => {
  const other = otherForbundNames(DATA);
  const linesOf = (file: string): GoldenLine[] =>
    parseGoldenFile(readFileSync(join(DIR, file), 'utf8')).lines.filter((l) => !namesOtherForbund(l, other));

  test('the golden files hold questions about the copied förbund', () => {
    expect(FILES.flatMap(linesOf).length).toBeGreaterThan(100);
  });

  test('within the gap over all golden files', async () => {
    let total = 0;
    let answeredOriginal = 0;
    let answeredRenamed = 0;
    const report: string[] = [];
    for (const file of FILES) {
      const lines = linesOf(file);
      if (lines.length === 0) continue;
      const before = summarize(await evaluateLines(original, lines));
      const after = summarize(await evaluateLines(renamed, lines.map((l) => renameGoldenLine(l, TODAY))));
      perFile.push({ file, lines: lines.length, original: before.share, renamed: after.share });
      total += lines.length;
      answeredOriginal += before.answered;
      answeredRenamed += after.answered;
      const lost = after.misses.map((m) => m.id).filter((id) => !before.misses.some((b) => b.id === id));
      report.push(`${file}: ${before.answered}/${lines.length} → ${after.answered}/${lines.length}; missar bara i kopian: ${lost.join(', ') || '–'}`);
    }
    const gap = ((answeredOriginal - answeredRenamed) / total) * 100;
    const summary = `original ${answeredOriginal}/${total}, omdöpt ${answeredRenamed}/${total}, skillnad ${gap.toFixed(1)} procentenheter\n${report.join('\n')}`;
    if (gap > MAX_GAP_POINTS) throw new Error(summary);
    expect(gap).toBeLessThanOrEqual(MAX_GAP_POINTS);
  }, 300_000);
});
