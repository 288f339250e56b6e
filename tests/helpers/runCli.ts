import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command with piped stdin the way a user would, on a temporary state file (STATE_FILE
 * empty); it must exit by itself within `timeoutMs`.
 */
export function runCommand(command: string, args: string[], stdin = '', timeoutMs = 25_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: 'production', STATE_FILE: '', LOG_LEVEL: '' };
    const child = spawn(command, args, { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not exit by itself; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

/** Runs a CLI entry of src/channels/cli with tsx, as `npm run <entry>` does. */
export function runCliEntry(entry: string, args: string[], stdin = ''): Promise<CliRun> {
  return runCommand(process.execPath, ['--import', 'tsx', `src/channels/cli/${entry}.ts`, ...args], stdin);
}
