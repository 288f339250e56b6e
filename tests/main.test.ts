import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStateStore } from '../src/state/store.js';

/** src/main.ts as `npm start` runs it, in its own process, so exit codes and signals are real. */
interface Running {
  exited: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  kill(signal: NodeJS.Signals): void;
}

function startMain(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // A clean environment: only what the test sets, plus what Node needs to run.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return {
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    stdout: () => out,
    stderr: () => err,
    kill: (signal) => child.kill(signal),
  };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'samverkansboten-main-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm start (src/main.ts)', () => {
  it('serves, and on SIGTERM finishes, flushes state and exits 0', async () => {
    const stateFile = path.join(dir, 'run', 'state.json');
    const main = startMain({ PORT: '0', STATE_FILE: stateFile });
    // A start from the sources (tsx, search index built before listening): a generous limit for a busy machine.
    const url = await waitFor(() => /lyssnar på (http:\/\/localhost:\d+)/.exec(main.stdout())?.[1], 45_000);
    // The mode line follows the listening line and may arrive in a later chunk of stdout.
    await waitFor(() => (main.stdout().includes('Bot Framework: oautentiserat lokalt läge') ? true : undefined));

    const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const chat = await fetch(`${url}/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'hjälp' }),
    });
    const { conversationId } = (await chat.json()) as { conversationId: string };

    main.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(main.stderr()).toContain('"event":"shutdown_complete"');
    // Without HOST the server is reachable from this machine only (issue 15, finding 4).
    const listening = main.stderr().split('\n').filter((l) => l.includes('"event":"server_listening"')).map((l) => JSON.parse(l) as { address: string });
    expect(listening).toEqual([expect.objectContaining({ address: '127.0.0.1' })]);
    const saved = await openStateStore(stateFile, { readOnly: true });
    expect(saved.read().conversations.web?.[conversationId]).toBeDefined();
  }, 100_000);

  it('switches the Slack edge on only when Slack is configured (Bolt is loaded lazily)', async () => {
    const unsigned = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":"event_callback"}' };
    const plain = startMain({ PORT: '0', STATE_FILE: path.join(dir, 'slack-off', 'state.json') });
    // Two starts from the sources (tsx, search index built before listening): generous limits for a busy machine.
    const plainUrl = await waitFor(() => /lyssnar på (http:\/\/localhost:\d+)/.exec(plain.stdout())?.[1], 45_000);
    expect((await fetch(`${plainUrl}/slack/events`, unsigned)).status).toBe(404);
    plain.kill('SIGTERM');
    expect(await plain.exited).toBe(0);

    const slack = startMain({
      PORT: '0',
      STATE_FILE: path.join(dir, 'slack-on', 'state.json'),
      SLACK_SIGNING_SECRET: 'hemlighet',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    const slackUrl = await waitFor(() => /lyssnar på (http:\/\/localhost:\d+)/.exec(slack.stdout())?.[1], 45_000);
    expect((await fetch(`${slackUrl}/slack/events`, unsigned)).status).toBe(401);
    slack.kill('SIGTERM');
    expect(await slack.exited).toBe(0);
  }, 100_000);

  it('lists every configuration problem and exits 1', async () => {
    const main = startMain({ PORT: 'abc', TZ: 'Mars/Olympus', STATE_FILE: path.join(dir, 'never.json') });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toContain('PORT: måste vara ett heltal 0–65535');
    expect(main.stderr()).toContain('TZ: måste vara en IANA-tidszon');
  });

  it('refuses to start when FORBUND_CHANNELS names a förbund data/ does not have, naming the setting', async () => {
    const main = startMain({ FORBUND_CHANNELS: 'slack:C0123=finnveden,web=okant', STATE_FILE: path.join(dir, 'never-forbund.json') });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toContain('Kan inte starta');
    expect(main.stderr()).toContain('FORBUND_CHANNELS (web=okant): förbundet "okant" finns inte i data (kända: finnveden, umearegionen)');
  });

  it('names the broken data file and exits 1', async () => {
    const dataDir = path.join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'documents.json'), '{ inte json');
    const main = startMain({ DATA_DIR: dataDir, STATE_FILE: path.join(dir, 'never2.json') });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toContain('Kan inte starta');
    expect(main.stderr()).toContain('documents.json');
  });

  it('names a corrupt state file, exits 1 and leaves the file untouched', async () => {
    const stateFile = path.join(dir, 'corrupt.json');
    const content = '{"conversations": {"web": '; // cut off mid-write by something else
    await writeFile(stateFile, content);
    const before = await stat(stateFile);
    const main = startMain({ STATE_FILE: stateFile });
    expect(await main.exited).toBe(1);
    expect(main.stderr()).toContain(`Statusfilen ${stateFile}`);
    expect(await readFile(stateFile, 'utf8')).toBe(content);
    expect((await stat(stateFile)).mtimeMs).toBe(before.mtimeMs);
  });
});
