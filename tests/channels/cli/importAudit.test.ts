import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../../helpers/coreTestKit.js';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

async function cli(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [script, ...args], { env: { ...process.env, LOG_LEVEL: 'error', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run import -- tertial FILE and npm run audit', () => {
  it('imports the EXEMPELDATA file, then the audit log shows who, what, when', async () => {
    const env = { STATE_FILE: join(tempDir(), 'state.json'), USER: 'kansli-test' };
    const imported = await cli('src/channels/cli/import.ts', ['tertial', 'templates/exempeldata/tertialrapporter.exempel.csv'], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Importerade 6 tertialrapporter från tertialrapporter.exempel.csv/);
    expect(imported.stdout).toMatch(/vuxentorget T2 2023 \[EXEMPELDATA\]/);

    const audit = await cli('src/channels/cli/audit.ts', [], env);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^\d{4}-\d\d-\d\dT.* cli:\S+ {2}tertial-import {2}Importerade 6 tertialrapporter från tertialrapporter.exempel.csv\./m);
    const json = await cli('src/channels/cli/audit.ts', ['--json'], env);
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ action: 'tertial-import', details: { count: 6, exempeldata: true } });
  }, 60000);

  it('a bad file imports nothing and exits 1 with the errors in Swedish', async () => {
    const env = { STATE_FILE: join(tempDir(), 'state.json') };
    const bad = await cli('src/channels/cli/import.ts', ['tertial', 'templates/tertialrapport.csv'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Inget importerades: 1 fel i templates\/tertialrapport.csv/);
    expect((await cli('src/channels/cli/audit.ts', [], env)).stdout).toMatch(/Granskningsloggen .* är tom/);
  }, 60000);

  it('an unknown import kind prints the subcommand table', async () => {
    const out = await cli('src/channels/cli/import.ts', ['okänd'], { STATE_FILE: join(tempDir(), 'state.json') });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/Okänd import: okänd/);
    expect(out.stderr).toMatch(/npm run import -- tertial FIL.csv\|FIL.json/);
  }, 60000);
});
