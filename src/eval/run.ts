/**
 * `npm run eval -- FILE.jsonl [FILE2.jsonl …]`: scores golden-question files (lines
 * {"id","text","today"?,"all":[[alt,…],…]}) against the bot, each line in a fresh conversation,
 * lists the misses with what was wanted and what came back, and prints the share answered.
 */
import { readFile } from 'node:fs/promises';
import { openCliRuntime, reportCliError } from '../channels/cli/runtime.js';
import { evaluateLines } from './evaluate.js';
import { describeMiss, parseGoldenFile, summarize } from './score.js';

async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    process.stderr.write('Användning: npm run eval -- FIL.jsonl [FIL2.jsonl …]\n');
    process.exitCode = 2;
    return;
  }
  const runtime = await openCliRuntime();
  try {
    let total = 0;
    let answered = 0;
    for (const file of files) {
      const { lines, errors } = parseGoldenFile(await readFile(file, 'utf8'));
      for (const e of errors) process.stdout.write(`! ${file}: ${e}\n`);
      const score = summarize(await evaluateLines(runtime.core, lines));
      for (const miss of score.misses) process.stdout.write(`${describeMiss(miss)}\n`);
      process.stdout.write(`${file}: ${score.answered}/${score.total} besvarade (${(score.share * 100).toFixed(1)} %)\n\n`);
      total += score.total;
      answered += score.answered;
    }
    if (files.length > 1) process.stdout.write(`Totalt: ${answered}/${total} besvarade (${total === 0 ? '100.0' : ((answered / total) * 100).toFixed(1)} %)\n`);
  } finally {
    await runtime.close();
  }
}

main(process.argv.slice(2)).catch(reportCliError);
