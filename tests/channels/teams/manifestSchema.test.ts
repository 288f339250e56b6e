import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildTeamsPackage, TeamsPackageError } from '../../../src/channels/teams/appPackage/buildPackage.js';
import { manifestProblems } from '../../../src/channels/teams/appPackage/validateManifest.js';

const run = promisify(execFile);
const APP_ID = '12345678-90ab-cdef-1234-567890abcdef';

async function inputs(manifestText?: string): Promise<{ manifestText: string; colorPng: Buffer; outlinePng: Buffer }> {
  return {
    manifestText: manifestText ?? (await readFile('teams/manifest.json', 'utf8')),
    colorPng: await readFile('teams/color.png'),
    outlinePng: await readFile('teams/outline.png'),
  };
}

async function manifestWith(change: (m: Record<string, unknown>) => void): Promise<string> {
  const m = JSON.parse(await readFile('teams/manifest.json', 'utf8')) as Record<string, unknown>;
  change(m);
  return JSON.stringify(m);
}

const LONG_NAME = 'Samordningsförbundet (ändra till ert förbund)';

describe('Teams manifest against the official schema', () => {
  it('the placeholder manifest, filled in by the packager, passes the schema of its manifestVersion', async () => {
    const { manifest } = buildTeamsPackage({ appId: APP_ID, version: '0.1.0', host: 'samverkansboten.example.se', ...(await inputs()) });
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('refuses a 45-character developer.name, naming the field and the limit in Swedish', async () => {
    expect(LONG_NAME).toHaveLength(45);
    const manifestText = await manifestWith((m) => {
      (m.developer as Record<string, unknown>).name = LONG_NAME;
    });
    const build = async () => buildTeamsPackage({ appId: APP_ID, version: '0.1.0', ...(await inputs(manifestText)) });
    await expect(build()).rejects.toThrow(TeamsPackageError);
    await expect(build()).rejects.toThrow(/följer inte Teams schema för manifestversion 1\.22[\s\S]*developer\.name: får vara högst 32 tecken \(är 45\)/);
  });

  it('names every failing field: a missing required one and an unknown one', async () => {
    const manifestText = await manifestWith((m) => {
      delete (m.developer as Record<string, unknown>).privacyUrl;
      m.favoriteColour = 'blå';
    });
    const problems = manifestProblems(buildTeamsPackageUnchecked(await inputs(manifestText)));
    expect(problems).toEqual(expect.arrayContaining(['developer.privacyUrl: saknas', 'favoriteColour: okänt fält i den här manifestversionen']));
  });

  it('refuses a manifestVersion whose schema is not kept in the repository', () => {
    expect(manifestProblems({ manifestVersion: '9.99' })).toEqual([expect.stringMatching(/^manifestVersion: inget schema för version ”9\.99”/)]);
  });

  it('npm run teams:package stops with the message and writes no zip', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'samverkansboten-manifest-'));
    try {
      await cp('teams', path.join(dir, 'teams'), { recursive: true });
      await cp('package.json', path.join(dir, 'package.json'));
      const manifestPath = path.join(dir, 'teams', 'manifest.json');
      const m = JSON.parse(await readFile(manifestPath, 'utf8')) as { developer: { name: string } };
      m.developer.name = LONG_NAME;
      await writeFile(manifestPath, JSON.stringify(m));
      const cli = path.resolve('src/channels/teams/appPackage/cli.ts');
      const failure = await run(path.resolve('node_modules/.bin/tsx'), [cli, '--out', path.join(dir, 'never.zip')], {
        cwd: dir,
        env: { ...process.env, MicrosoftAppId: APP_ID },
      }).then(
        () => undefined,
        (error: unknown) => error as { code: number; stderr: string },
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/developer\.name: får vara högst 32 tecken/);
      await expect(readFile(path.join(dir, 'never.zip'))).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

/** The manifest as the packager fills it in, without its schema check (to inspect the problems). */
function buildTeamsPackageUnchecked(files: { manifestText: string }): Record<string, unknown> {
  const m = JSON.parse(files.manifestText) as Record<string, unknown> & { bots: Record<string, unknown>[] };
  return { ...m, id: APP_ID, version: '0.1.0', bots: m.bots.map((b) => ({ ...b, botId: APP_ID })) };
}
