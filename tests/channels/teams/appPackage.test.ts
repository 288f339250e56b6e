import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildTeamsPackage, TeamsPackageError } from '../../../src/channels/teams/appPackage/buildPackage.js';
import { colorIcon, outlineIcon } from '../../../src/channels/teams/appPackage/icons.js';
import { decodePng, encodePng } from '../../../src/channels/teams/appPackage/png.js';
import { createZip, readStoredZip } from '../../../src/channels/teams/appPackage/zip.js';

const run = promisify(execFile);
const APP_ID = '12345678-90ab-cdef-1234-567890abcdef';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'samverkansboten-teams-package-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inputs(): Promise<{ manifestText: string; colorPng: Buffer; outlinePng: Buffer }> {
  return {
    manifestText: await readFile('teams/manifest.json', 'utf8'),
    colorPng: await readFile('teams/color.png'),
    outlinePng: await readFile('teams/outline.png'),
  };
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  validDomains: string[];
  name: { short: string; full: string };
  description: { short: string; full: string };
}

describe('Teams app package', () => {
  it('npm run teams:package zips manifest and icons with the bot id from MicrosoftAppId', async () => {
    const out = path.join(dir, 'teams-app.zip');
    const { stdout } = await run('npm', ['run', '-s', 'teams:package', '--', '--out', out, '--host', 'samverkansboten.example.se'], {
      env: { ...process.env, MicrosoftAppId: APP_ID },
    });
    expect(stdout).toMatch(/Teams-paketet är klart/);
    const entries = readStoredZip(await readFile(out));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as Manifest;
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.validDomains).toContain('samverkansboten.example.se');
    expect(manifest.version).toBe((JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version);
    expect(entries[1]!.data.equals(await readFile('teams/color.png'))).toBe(true);
  }, 30_000);

  it('fails with a Swedish message when MicrosoftAppId is not set', async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.MicrosoftAppId;
    const failure = await run('npm', ['run', '-s', 'teams:package', '--', '--out', path.join(dir, 'never.zip')], { env }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^MicrosoftAppId saknas\. Sätt MicrosoftAppId/);
  }, 30_000);

  it('refuses an app id that is not a GUID', async () => {
    const files = await inputs();
    expect(() => buildTeamsPackage({ appId: 'min-bot', version: '1.0.0', ...files })).toThrow(/ska vara ett GUID/);
  });

  it('has a manifest of the current schema with Swedish commands within Teams\' limits', async () => {
    const { manifest } = buildTeamsPackage({ appId: APP_ID.toUpperCase(), version: '1.2.3', ...(await inputs()) });
    const m = manifest as unknown as Manifest;
    expect(m.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(Number(m.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(m.id).toBe(APP_ID);
    expect(m.name.short.length).toBeLessThanOrEqual(30);
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    const commands = m.bots[0]?.commandLists[0]?.commands ?? [];
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.length).toBeLessThanOrEqual(10);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
    expect(commands.map((c) => c.title)).toContain('hjälp');
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('ships icons as Teams wants them: colour 192×192, outline 32×32 white on transparent', async () => {
    const color = decodePng(await readFile('teams/color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(await readFile('teams/outline.png'));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      if (outline.pixels[i + 3] === 0) transparent++;
      else expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    // The committed icons are what the generator draws.
    expect(encodePng(colorIcon()).equals(await readFile('teams/color.png'))).toBe(true);
    expect(encodePng(outlineIcon()).equals(await readFile('teams/outline.png'))).toBe(true);
  });

  it('refuses icons of the wrong size', async () => {
    const files = { ...(await inputs()), colorPng: encodePng({ width: 64, height: 64, pixels: new Uint8Array(64 * 64 * 4) }) };
    expect(() => buildTeamsPackage({ appId: APP_ID, version: '1.0.0', ...files })).toThrow(TeamsPackageError);
    expect(() => buildTeamsPackage({ appId: APP_ID, version: '1.0.0', ...files })).toThrow(/color\.png ska vara 192×192 pixlar/);
  });

  it('writes zips that round-trip with CRC checks, UTF-8 names included', () => {
    const entries = [
      { name: 'å.txt', data: Buffer.from('Samverkan – överenskommelse\n') },
      { name: 'tom', data: Buffer.alloc(0) },
    ];
    expect(readStoredZip(createZip(entries))).toEqual(entries);
    const broken = createZip(entries);
    const firstDataByte = 30 + Buffer.byteLength('å.txt');
    broken.writeUInt8(broken.readUInt8(firstDataByte) ^ 0xff, firstDataByte);
    expect(() => readStoredZip(broken)).toThrow(/CRC/);
  });
});
