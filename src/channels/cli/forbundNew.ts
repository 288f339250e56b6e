import path from 'node:path';
import { createForbund } from '../../ingest/forbundNew.js';

const USAGE = 'Användning: npm run forbund:new -- <id> "<namn>" [--alias "<namn>"]… [--kommun "<kommun>"]…\n'
  + '  t.ex. npm run forbund:new -- norrvik "Samordningsförbundet Norrvik" --kommun Norrvik --kommun Åby';

/** `npm run forbund:new`: creates data/<id>/ for a new förbund (see src/ingest/forbundNew.ts). */
async function main(argv: string[]): Promise<number> {
  const words: string[] = [];
  const aliases: string[] = [];
  const municipalities: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--alias' || arg === '--kommun') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) { process.stderr.write(`${arg} behöver ett värde.\n${USAGE}\n`); return 2; }
      (arg === '--alias' ? aliases : municipalities).push(value);
      i += 1;
    } else if (arg === '--help' || arg === '-h') { process.stdout.write(`${USAGE}\n`); return 0; }
    else if (arg.startsWith('--')) { process.stderr.write(`Okänd flagga: ${arg}\n${USAGE}\n`); return 2; }
    else words.push(arg);
  }
  const [id, ...nameWords] = words;
  if (!id || nameWords.length === 0) { process.stderr.write(`${USAGE}\n`); return 2; }
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  try {
    const { folder, files } = await createForbund(dataDir, { id, name: nameWords.join(' '), aliases, municipalities });
    process.stdout.write(`Skapade ${path.relative(process.cwd(), folder) || folder}/ med ${files.length} tomma datafiler och README.md.\n`
      + `Nästa steg: npm run data:ingest -- ${id} <dokument> (txt, md, docx eller pdf), sedan npm run data:review -- ${id}.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
