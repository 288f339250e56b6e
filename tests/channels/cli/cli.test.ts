import { describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../helpers/coreTestKit.js';
import { runCliEntry, runCommand } from '../../helpers/runCli.js';

const run = runCommand;
const tsx = runCliEntry;

describe('CLI', () => {
  test('`npm run -s ask -- "hjälp"` prints only the Swedish help on stdout', async () => {
    const r = await run('npm', ['run', '-s', 'ask', '--', 'hjälp']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Jag är Samverkansboten')).toBe(true);
    expect(r.stdout).toContain('Aktualiseringscheck');
    expect(r.stdout).toContain('1) Aktualiseringscheck');
  });

  test('--json prints the Reply objects', async () => {
    const r = await tsx('ask', ['--json', '--today', '2023-02-01', 'hej']);
    expect(r.code).toBe(0);
    const replies = JSON.parse(r.stdout) as { text: string; choices?: unknown[] }[];
    expect(replies[0]?.text).toContain('Hej!');
    expect(replies[0]?.choices?.length).toBeGreaterThan(0);
  });

  test('--batch on a 3-line file gives 3 JSON lines with the right ids', async () => {
    const file = join(tempDir(), 'fragor.jsonl');
    writeFileSync(
      file,
      ['{"id":"q1","text":"hjälp"}', '{"id":"q2","text":"hej","today":"2023-02-01"}', `{"id":"q3","text":"Mitt personnummer är 811218-9876"}`].join('\n'),
    );
    const r = await tsx('ask', ['--batch', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; reply: string });
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3']);
    expect(lines[0]?.reply).toContain('Vad vill du veta mer om?');
    expect(lines[1]?.reply).toContain('Hej!');
    expect(lines[2]?.reply).toContain('Skriv inte personnummer här');
    expect(r.stdout + r.stderr).not.toContain('811218-9876');
  });

  test('misuse prints a Swedish message on stderr and fails', async () => {
    const r = await tsx('ask', ['--today', 'igår', 'hej']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Ogiltigt datum för --today');
  });

  test('`chat` with piped stdin answers each line; a number picks a choice', async () => {
    const r = await tsx('chat', [], 'hej\nhjälp\n2\n');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Hej!')).toBe(true);
    expect(r.stdout).toContain('Vad vill du veta mer om?');
    expect(r.stdout).toContain('Åtaganden och kontakter: Jag berättar');
    expect(r.stdout).not.toContain('du> ');
  });
});
