import { describe, expect, test } from '@jest/globals';
import { runCliEntry } from '../../helpers/runCli.js';

/** A CLI entry's stdout; a non-zero exit fails the test with its stderr. */
async function cli(entry: 'chat' | 'ask', args: string[], stdin = ''): Promise<string> {
  const r = await runCliEntry(entry, args, stdin);
  if (r.code !== 0) throw new Error(`${entry} exited with ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The förankring, path and consent lines of an answer: what must agree between the two ways of asking. */
function ruling(text: string): string {
  return text.split('\n').filter((l) => l.startsWith('Förankring') || l.startsWith('Väg') || l.startsWith('Samtycke finns')).join('\n');
}

describe('Aktualiseringscheck over the CLI', () => {
  test('a step-by-step dialog over `npm run chat` reaches the same answer as the one-shot question', async () => {
    const steps = ['Vem ska förankra innan aktualisering?', '1', 'hon har sjukpenning och är 31', '1'].join('\n');
    const chatOut = await cli('chat', [], `${steps}\n`);
    // The last step's answer: what follows the consent question's choices.
    const last = chatOut.slice(chatOut.lastIndexOf('1) Ja'));
    const oneShot = await cli('ask', ['Regionen vill aktualisera en person med sjukpenning, hon är 31 och har gett samtycke. Vem förankrar?']);
    expect(ruling(last)).toContain('Regionen ska först förankra med Försäkringskassan innan aktualisering sker');
    expect(ruling(last)).toContain('Samtycke finns');
    expect(ruling(last)).toBe(ruling(oneShot));
  });
});
