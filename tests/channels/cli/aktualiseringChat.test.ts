import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';

/** Runs a CLI entry with tsx (as `npm run chat` / `npm run ask` do) on a temporary state file, with piped stdin. */
function cli(entry: 'chat' | 'ask', args: string[], stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production', STATE_FILE: '', LOG_LEVEL: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', `src/channels/cli/${entry}.ts`, ...args], { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not exit; stderr: ${stderr}`));
    }, 25_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${entry} exited with ${code}: ${stderr}`));
    });
    child.stdin.end(stdin);
  });
}

/** The förankring and path blocks of an answer: what must agree between the two ways of asking. */
function ruling(text: string): string {
  const blocks = text.split('\n\n');
  return blocks.filter((b) => b.startsWith('Förankring') || b.startsWith('Väg') || b.startsWith('Samtycke finns')).join('\n\n');
}

describe('Aktualiseringscheck over the CLI', () => {
  test('a step-by-step dialog over `npm run chat` reaches the same answer as the one-shot question', async () => {
    const steps = ['Vem ska förankra innan aktualisering?', '1', 'hon har sjukpenning och är 31', '1'].join('\n');
    const chatOut = await cli('chat', [], `${steps}\n`);
    const answers = chatOut.trim().split(/\n\n(?=Samtycke finns|Först samtycke)/);
    const last = answers[answers.length - 1] ?? '';
    const oneShot = await cli('ask', ['Regionen vill aktualisera en person med sjukpenning, hon är 31 och har gett samtycke. Vem förankrar?']);
    expect(ruling(last)).toContain('Regionen ska först förankra med Försäkringskassan innan aktualisering sker');
    expect(ruling(last)).toContain('Samtycke finns');
    expect(ruling(last)).toBe(ruling(oneShot));
  });
});
