import { userInfo } from 'node:os';
import { dataLoadOptions, parseConfig } from '../../config.js';
import { loadData } from '../../data/load.js';
import { openStateStore } from '../../state/store.js';
import { importTertialFile } from '../../tertial/importFile.js';
import { importCalendarFile } from '../../calendar/importFile.js';
import { reportCliError } from './runtime.js';

/**
 * `npm run import -- <vad> FIL`: the kansli's imports into the state file (STATE_FILE). One entry
 * per kind of import in {@link SUBCOMMANDS}; each validates the whole file and imports nothing
 * unless every row passes. Stop the server first or import through chat: a running server keeps
 * the state in memory and would write over a change made beside it.
 */

export interface ImportSubcommand {
  name: string;
  usage: string;
  description: string;
  /** Runs the import; returns the process exit code. */
  run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number>;
}

/** Who ran the import, for the audit log: the operating-system user of the shell. */
function cliActor(env: NodeJS.ProcessEnv): string {
  let name = env.USER ?? '';
  try {
    name = userInfo().username || name;
  } catch {
    // No passwd entry (some containers): fall back to $USER.
  }
  return `cli:${name || 'okänd'}`;
}

type FileImporter = (
  deps: { data: Awaited<ReturnType<typeof loadData>>; state: Awaited<ReturnType<typeof openStateStore>> },
  file: string,
  who: { actor: string; at: string },
) => Promise<{ ok: boolean; message: string }>;

/** A subcommand that imports one file into the state file through `importer` (all rows or none). */
function fileImport(name: string, usage: string, description: string, importer: FileImporter): ImportSubcommand {
  return {
    name,
    usage,
    description,
    async run(args, env) {
      const file = args[0];
      if (!file || args.length > 1) {
        process.stderr.write(`Användning: ${usage}\n`);
        return 2;
      }
      const config = parseConfig(env);
      const data = await loadData(config.DATA_DIR, dataLoadOptions(config));
      const state = await openStateStore(config.STATE_FILE);
      const outcome = await importer({ data, state }, file, { actor: cliActor(env), at: new Date().toISOString() });
      await state.flush();
      (outcome.ok ? process.stdout : process.stderr).write(`${outcome.message}\n`);
      return outcome.ok ? 0 : 1;
    },
  };
}

const tertial = fileImport(
  'tertial',
  'npm run import -- tertial FIL.csv|FIL.json',
  'Tertialrapporter (deltagare, avslut, budget och utfall, lägesrapport). Mall: templates/tertialrapport.csv',
  (deps, file, who) => importTertialFile(deps, file, who),
);

const calendar = fileImport(
  'calendar',
  'npm run import -- calendar FIL.csv|FIL.json',
  'Mötesplan/årshjul (möten och deadlines för kommande år). Mall: templates/motesplan.csv',
  (deps, file, who) => importCalendarFile(deps, file, { by: who.actor, at: who.at }),
);

/** The import kinds; other features add a line (e.g. the årshjul's mötesplan). */
export const SUBCOMMANDS: readonly ImportSubcommand[] = [tertial, calendar];

export function importUsage(): string {
  return ['Användning: npm run import -- <vad> FIL', '', ...SUBCOMMANDS.map((s) => `  ${s.usage}\n      ${s.description}`)].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...rest] = argv;
  const sub = SUBCOMMANDS.find((s) => s.name === name);
  if (!sub) {
    process.stderr.write(`${name ? `Okänd import: ${name}\n\n` : ''}${importUsage()}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await sub.run(rest, process.env);
}

main(process.argv.slice(2)).catch(reportCliError);
