import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { defaultState } from '../../../src/state/schema.js';
import { tempDir } from '../../helpers/coreTestKit.js';

const run = promisify(execFile);

async function reminders(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await run('npx', ['tsx', 'src/channels/cli/reminders.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    timeout: 60_000,
  });
  return stdout;
}

test('--dry-run --today 2023-10-13 lists the styrelse meeting of 2023-10-20 at 7 days, with or without subscriptions', async () => {
  const dir = tempDir();
  const missing = join(dir, 'saknas.json');
  const empty = await reminders(['--dry-run', '--today', '2023-10-13'], { STATE_FILE: missing });
  expect(empty).toContain('Samordningsförbundets styrelse (umearegionen/styrelse)');
  expect(empty).toContain('2023-10-20 (förmiddag) Delrapport T2 / Överenskommelse 2024 – 7 dagar före');
  expect(empty).toContain('inga prenumerationer');

  const file = join(dir, 'state.json');
  // Written directly: opening a store here would hold the writer lock the CLI needs.
  const state = defaultState();
  state.subscriptions.push({
    id: 'web:styrelsen#umearegionen/styrelse', forbund: 'umearegionen', group: 'styrelse',
    target: { kind: 'web', conversationId: 'styrelsen' }, channelKey: 'web:styrelsen',
    offsets: [7, 1], timeOfDay: '08:00', createdAt: '2023-10-01T00:00:00.000Z', status: 'active',
  });
  writeFileSync(file, JSON.stringify(state));
  const subscribed = await reminders(['--dry-run', '--today', '2023-10-13'], { STATE_FILE: file });
  expect(subscribed).toContain('→ web:styrelsen: 7 dagar före, kl. 08:00 – inte skickad än');

  // Without --dry-run it sends (web: to stdout) and records it; a second run sends nothing more.
  const sent = await reminders(['--today', '2023-10-13'], { STATE_FILE: file });
  expect(sent).toContain('Påminnelse – Samordningsförbundets styrelse: om 7 dagar: Delrapport T2 / Överenskommelse 2024');
  const again = await reminders(['--today', '2023-10-13'], { STATE_FILE: file });
  expect(again).not.toContain('Påminnelse –');
  expect(again).toContain('skickad 2023-10-13');
}, 120_000);
