import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { FORBUND_ID, FORBUND_NAME, STYRELSE_DATES, writeAgreementFiles } from '../fixtures/syntheticAgreement/build.js';
import { tempDir } from '../helpers/coreTestKit.js';
import type { CliRun } from '../helpers/runCli.js';

/** The kansli's commands as `npm run` runs them, on a temp copy of data/ (DATA_DIR), stdin a pipe (no terminal). */
function run(entry: string, args: string[], dataDir: string, extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production', STATE_FILE: '', LOG_LEVEL: '', DATA_DIR: dataDir, ...extraEnv };
    const child = spawn(process.execPath, ['--import', 'tsx', `src/channels/cli/${entry}.ts`, ...args], { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${entry} did not exit; ${stderr}`)); }, 60_000);
    child.on('error', reject);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end('');
  });
}

let dataDir: string;
let files: { txt: string; docx: string; pdf: string };

beforeAll(async () => {
  dataDir = join(tempDir('ingest-cli-'), 'data');
  cpSync(join(process.cwd(), 'data'), dataDir, { recursive: true });
  files = await writeAgreementFiles(tempDir('ingest-cli-docs-'));
});

describe('forbund:new, data:ingest, data:review, data:check, ask from the command line', () => {
  test('the whole walk, without a terminal', async () => {
    const created = await run('forbundNew', [FORBUND_ID, FORBUND_NAME, '--kommun', 'Älvbacka'], dataDir);
    expect(created).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, FORBUND_ID, 'README.md'))).toBe(true);
    expect((await run('forbundNew', [FORBUND_ID, FORBUND_NAME], dataDir)).stderr).toContain('finns redan');

    const check = await run('../../data/check', [], dataDir);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${FORBUND_ID}: forbund 1`);

    // No terminal to ask on and flags missing: a clear Swedish error, exit code 2, nothing written.
    const missing = await run('ingest', [FORBUND_ID, files.docx, '--title', 'Överenskommelse 2027'], dataDir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('saknar --date ÅÅÅÅ-MM-DD, --kind <typ> och det finns ingen terminal');
    expect(existsSync(join(dataDir, FORBUND_ID, 'drafts'))).toBe(false);

    const ingested = await run('ingest', [FORBUND_ID, files.docx, '--title', 'Överenskommelse Älvbacka 2027–2028', '--date', '2026-11-20', '--kind', 'överenskommelse'], dataDir);
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toContain('10 avsnitt');
    expect(ingested.stdout).toContain('"forbundets" – saknar å/ä/ö? (förbundets)');
    expect(ingested.stdout).toMatch(/mote-[0-9a-f]{6} {2}möte 2027-02-12 \(Styrelsen\)/);

    const listed = await run('review', [FORBUND_ID], dataDir);
    expect(listed.stdout).toContain('förslag väntar på granskning');
    expect(listed.stdout).toContain('§ 6 Mötesplan 2027');

    const accepted = await run('review', [FORBUND_ID, 'accept', '--all-kind', 'meetings'], dataDir);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout.split('\n').filter((l) => l.startsWith('Godkänt'))).toHaveLength(5);
    const unknown = await run('review', [FORBUND_ID, 'accept', 'mote-000000'], dataDir);
    expect(unknown.code).toBe(2);

    expect((await run('../../data/check', [], dataDir)).code).toBe(0);
    const events = JSON.parse(readFileSync(join(dataDir, FORBUND_ID, 'calendarEvents.overenskommelse-alvbacka-2027.json'), 'utf8')) as { date: string }[];
    expect(events.map((e) => e.date)).toEqual(expect.arrayContaining([...STYRELSE_DATES]));

    const answer = await run('ask', ['--today', '2026-12-02', 'När är nästa styrelsemöte?'], dataDir, { DEFAULT_FORBUND: FORBUND_ID });
    expect(answer.stdout).toContain('12 februari 2027');
    expect(answer.stdout).toContain('§ 6 Mötesplan 2027');
  }, 240_000); // several CLI processes (tsx start-up each): minutes on a busy 2-core machine
});
