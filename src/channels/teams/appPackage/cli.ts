import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTeamsPackage, TeamsPackageError } from './buildPackage.js';
import { colorIcon, outlineIcon } from './icons.js';
import { encodePng } from './png.js';

const USAGE = [
  'Användning:',
  '  npm run teams:package [-- --host <värd>] [--out <fil>]   bygger dist/teams-app.zip (kräver MicrosoftAppId)',
  '  npm run teams:icons                                      ritar teams/color.png och teams/outline.png',
].join('\n');

interface PackageArgs {
  command: 'package' | 'icons';
  host?: string;
  out: string;
}

export function parseTeamsPackageArgs(argv: readonly string[]): PackageArgs {
  const args: PackageArgs = { command: 'package', out: path.join('dist', 'teams-app.zip') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new TeamsPackageError(`${arg ?? ''} kräver ett värde.\n${USAGE}`);
      return next;
    };
    if (arg === 'icons') args.command = 'icons';
    else if (arg === '--host') args.host = value();
    else if (arg === '--out') args.out = value();
    else throw new TeamsPackageError(`Okänt argument: ${arg ?? ''}\n${USAGE}`);
  }
  return args;
}

/** Writes the icons into `dir` (teams/). */
export async function writeIcons(dir: string): Promise<void> {
  await writeFile(path.join(dir, 'color.png'), encodePng(colorIcon()));
  await writeFile(path.join(dir, 'outline.png'), encodePng(outlineIcon()));
}

/** Builds the package from `root`'s teams/ folder and package.json; returns where it was written. */
export async function packageTeamsApp(root: string, env: Record<string, string | undefined>, args: PackageArgs): Promise<string> {
  const teamsDir = path.join(root, 'teams');
  const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  const { zip } = buildTeamsPackage({
    appId: env.MicrosoftAppId,
    version: typeof packageJson.version === 'string' ? packageJson.version : '1.0.0',
    manifestText: await readFile(path.join(teamsDir, 'manifest.json'), 'utf8'),
    colorPng: await readFile(path.join(teamsDir, 'color.png')),
    outlinePng: await readFile(path.join(teamsDir, 'outline.png')),
    host: args.host,
  });
  const out = path.resolve(root, args.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, zip);
  return out;
}

async function main(): Promise<void> {
  const args = parseTeamsPackageArgs(process.argv.slice(2));
  if (args.command === 'icons') {
    await writeIcons('teams');
    process.stdout.write('Skrev teams/color.png (192×192) och teams/outline.png (32×32).\n');
    return;
  }
  const out = await packageTeamsApp(process.cwd(), process.env, args);
  process.stdout.write(`Teams-paketet är klart: ${path.relative(process.cwd(), out)}\nLadda upp det i Teams: Appar → Hantera dina appar → Ladda upp en app.\n`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof TeamsPackageError ? error.message : `Teams-paketet kunde inte byggas: ${error instanceof Error ? error.message : String(error)}`}\n`);
    process.exit(1);
  });
}
