import { describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAskArgs, parseChatArgs } from '../../../src/channels/cli/args.js';
import { tempDir } from '../../helpers/coreTestKit.js';
import { runCliEntry } from '../../helpers/runCli.js';

const QUESTION = 'Vilka är parterna?';

describe('CLI --forbund', () => {
  test('the flag is read by ask (question and batch) and chat; a malformed id is a usage error', () => {
    expect(parseAskArgs(['--forbund', 'finnveden', 'hej'])).toMatchObject({ mode: 'question', question: 'hej', forbund: 'finnveden' });
    expect(parseAskArgs(['--forbund=finnveden', '--batch', 'f.jsonl'])).toMatchObject({ mode: 'batch', file: 'f.jsonl', forbund: 'finnveden' });
    expect(parseAskArgs(['hej'])).not.toHaveProperty('forbund');
    expect(() => parseAskArgs(['--forbund'])).toThrow(/--forbund behöver ett värde/);
    expect(() => parseAskArgs(['--forbund', 'Finn veden', 'hej'])).toThrow(/Ogiltigt förbund för --forbund/);
    expect(parseChatArgs(['--today', '2023-02-01', '--forbund', 'finnveden'])).toEqual({ today: '2023-02-01', forbund: 'finnveden' });
    expect(() => parseChatArgs(['--okand'])).toThrow(/Okänd flagga: --okand/);
  });

  test('ask: --forbund answers from that förbund, without it from the default', async () => {
    const [finnveden, plain] = await Promise.all([runCliEntry('ask', ['--forbund', 'finnveden', QUESTION]), runCliEntry('ask', [QUESTION])]);
    expect(finnveden.code).toBe(0);
    expect(finnveden.stdout).toMatch(/Region Jönköpings län/);
    expect(finnveden.stdout).toMatch(/Källa: Uppdragsavtal Samverkansteam Finnveden/);
    expect(finnveden.stdout).not.toMatch(/Region Västerbotten/);
    expect(plain.stdout).toMatch(/Region Västerbotten/);
    expect(plain.stdout).not.toMatch(/Region Jönköpings län/);
  });

  test('ask: an unknown förbund is a clear Swedish error with exit code 2, before anything is answered', async () => {
    const r = await runCliEntry('ask', ['--forbund', 'okant', QUESTION]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Okänt förbund för --forbund: okant \(kända förbund i data: finnveden, umearegionen\)/);
    const chat = await runCliEntry('chat', ['--forbund', 'okant'], `${QUESTION}\n`);
    expect(chat.code).toBe(2);
    expect(chat.stderr).toMatch(/Okänt förbund för --forbund: okant/);
  });

  test('--batch and chat: every turn belongs to the förbund of the flag', async () => {
    const file = join(tempDir(), 'fragor.jsonl');
    writeFileSync(file, [`{"id":"a","text":"${QUESTION}"}`, '{"id":"b","text":"Vilka är parterna i Vuxentorget?"}'].join('\n'));
    const [batch, chat] = await Promise.all([
      runCliEntry('ask', ['--forbund', 'finnveden', '--batch', file]),
      runCliEntry('chat', ['--forbund', 'finnveden'], `${QUESTION}\n`),
    ]);
    expect(batch.code).toBe(0);
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; reply: string });
    expect(lines[0]?.reply).toMatch(/Region Jönköpings län/);
    // A question that names the other förbund's verksamhet is answered from that förbund.
    expect(lines[1]?.reply).toMatch(/Region Västerbotten/);
    expect(lines[1]?.reply).not.toMatch(/Region Jönköpings län/);
    expect(chat.code).toBe(0);
    expect(chat.stdout).toMatch(/Region Jönköpings län/);
    expect(chat.stdout).not.toMatch(/Region Västerbotten/);
  });
});
